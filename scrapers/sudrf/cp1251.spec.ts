import { describe, it, expect } from '@jest/globals';
import { decodeCp1251Component, decodePage, encodeCp1251Component } from './cp1251.js';

/** windows-1251 bytes of a text (ASCII and Cyrillic only). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : parseInt(encodeCp1251Component(ch).slice(1), 16))));
}

describe('encodeCp1251Component', () => {
  it('encodes query values as the court forms do', () => {
    expect(encodeCp1251Component('337 ч.5')).toBe('337+%F7.5');
    expect(encodeCp1251Component('Найти')).toBe('%CD%E0%E9%F2%E8');
    expect(encodeCp1251Component('337 ч.2.1 п.б')).toBe('337+%F7.2.1+%EF.%E1');
    expect(encodeCp1251Component('01.06.2026')).toBe('01.06.2026');
    expect(encodeCp1251Component('a&b=c/ё№')).toBe('a%26b%3Dc%2F%B8%B9');
  });

  it('refuses characters windows-1251 lacks', () => {
    expect(() => encodeCp1251Component('Ω')).toThrow(RangeError);
  });

  it('round-trips through decodeCp1251Component', () => {
    for (const s of ['337 ч.5', 'Вынесен ПРИГОВОР', 'ст.337 ч.3.1; ст.338 ч.2', 'Ёлкин Я.Я.']) {
      expect(decodeCp1251Component(encodeCp1251Component(s))).toBe(s);
    }
    expect(decodeCp1251Component('337+%f7.5')).toBe('337 ч.5');
  });
});

describe('decodePage', () => {
  const page = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'></head><body>Дело № 1</body></html>";

  it('reads windows-1251 by default, with or without a <meta>', () => {
    expect(decodePage(cp1251(page))).toBe(page);
    expect(decodePage(cp1251('<p>Дело № 1</p>'))).toBe('<p>Дело № 1</p>');
    expect(decodePage(cp1251(page), 'text/html')).toBe(page);
  });

  it('follows the Content-Type charset first, then a <meta>', () => {
    expect(decodePage(new TextEncoder().encode('<p>Дело</p>'), 'text/html; charset=UTF-8')).toBe('<p>Дело</p>');
    const utf8 = '<meta charset="utf-8"><p>Дело</p>';
    expect(decodePage(new TextEncoder().encode(utf8))).toBe(utf8);
  });

  it('honours a UTF-8 byte order mark and ignores an unknown charset label', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Дело')]);
    expect(decodePage(withBom, 'text/html; charset=windows-1251')).toBe('Дело');
    expect(decodePage(cp1251('Дело'), 'text/html; charset=x-no-such')).toBe('Дело');
  });
});
