import { describe, expect, it } from '@jest/globals';
import { decodeHtml } from './html-decoder.js';

const cp1251 = (text: string): Uint8Array => {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x410 && c <= 0x44f) bytes.push(c - 0x410 + 0xc0);
    else throw new Error(`no cp1251 byte for ${ch}`);
  }
  return new Uint8Array(bytes);
};

describe('decodeHtml', () => {
  it('reads UTF-8 (and drops a BOM)', () => {
    expect(decodeHtml(new TextEncoder().encode('\uFEFF<p>Суд</p>'))).toBe('<p>Суд</p>');
  });

  it('reads a windows-1251 page by its meta charset or by default', () => {
    expect(decodeHtml(cp1251('<meta charset="windows-1251"><p>Суд</p>'))).toBe('<meta charset="windows-1251"><p>Суд</p>');
    expect(decodeHtml(cp1251('<p>Приговор</p>'))).toBe('<p>Приговор</p>');
  });

  it('believes a Content-Type charset', () => {
    expect(decodeHtml(cp1251('<p>Суд</p>'), 'text/html; charset=windows-1251')).toBe('<p>Суд</p>');
  });
});
