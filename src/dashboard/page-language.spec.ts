import { describe, expect, it } from '@jest/globals';
import { pageLanguage } from './page-language.js';

describe('pageLanguage', () => {
  it('takes ?lang= when it names a language the page has', () => {
    expect(pageLanguage('ru', 'en-GB')).toBe('ru');
    expect(pageLanguage('en', 'ru-RU')).toBe('en');
    expect(pageLanguage('de', 'ru-RU')).toBe('ru');
  });

  it('else follows Accept-Language by weight, then order', () => {
    expect(pageLanguage(undefined, 'ru-RU,ru;q=0.9,en;q=0.5')).toBe('ru');
    expect(pageLanguage(undefined, 'de-DE,de;q=0.9,ru;q=0.8,en;q=0.7')).toBe('ru');
    expect(pageLanguage(undefined, 'en;q=0.4,ru;q=0.6')).toBe('ru');
    expect(pageLanguage(undefined, 'uk, ru;q=0, en')).toBe('en');
  });

  it('falls back to English', () => {
    expect(pageLanguage(undefined, undefined)).toBe('en');
    expect(pageLanguage(undefined, 'fr-FR,de')).toBe('en');
    expect(pageLanguage(['ru', 'en'], '')).toBe('en');
  });
});
