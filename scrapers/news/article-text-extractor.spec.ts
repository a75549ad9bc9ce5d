import { describe, expect, it } from '@jest/globals';
import { extractArticleText } from './article-text-extractor.js';
import { outletFor } from './outlet-selectors.js';

describe('outletFor', () => {
  it.each([
    ['https://zona.media/news/2026/05/15/x', 'zona.media'],
    ['https://en.zona.media/article/2026/05/15/x', 'zona.media'],
    ['https://www.currenttime.tv/a/33001234.html', 'currenttime.tv'],
    ['https://meduza.io/en/news/x', 'meduza.io'],
    ['https://notzona.media/x', null],
    ['not a url', null],
  ])('%s → %s', (url, outlet) => {
    expect(outletFor(url)?.outlet ?? null).toBe(outlet);
  });
});

describe('extractArticleText', () => {
  it('falls back to the generic extractor when an outlet page has none of its selectors', () => {
    const html = '<html><body><nav><p>Меню</p></nav><main><p>Первый абзац новости.</p><p>Второй абзац.</p></main></body></html>';
    const a = extractArticleText(html, 'https://zona.media/news/redesigned');
    expect(a).toMatchObject({ outlet: 'zona.media', extractedBy: 'article', paragraphs: ['Первый абзац новости.', 'Второй абзац.'] });
    expect(a.text).toBe('Первый абзац новости.\n\nВторой абзац.');
  });

  it('does not throw the story away with a wrapper whose class mentions «share»', () => {
    const html = '<article><div class="shareable-content"><p>Суд вынес приговор.</p><p>Подробности.</p></div><div class="share"><p>Поделиться</p></div></article>';
    expect(extractArticleText(html, 'https://example.org/x').paragraphs).toEqual(['Суд вынес приговор.', 'Подробности.']);
  });

  it('reads text kept in <div>s and <br>s', () => {
    const html = '<body><div class="menu"><a href="/">Главная</a></div><div class="txt">Первая строка новости о суде.<br>Вторая строка новости о приговоре.</div></body>';
    const a = extractArticleText(html, 'https://example.org/x');
    expect(a.extractedBy).toBe('largest-block');
    expect(a.paragraphs).toEqual(['Первая строка новости о суде.', 'Вторая строка новости о приговоре.']);
  });

  it('takes the publication time from JSON-LD when there is no meta tag', () => {
    const html = '<html><head><script type="application/ld+json">{"datePublished":"2026-03-10T10:30:00+03:00"}</script></head><body><article><p>x y</p></article></body></html>';
    expect(extractArticleText(html, 'https://example.org/x').publishedAt).toBe('2026-03-10T07:30:00.000Z');
  });

  it('gives an empty text for an empty page', () => {
    expect(extractArticleText('', 'https://example.org/x')).toMatchObject({ paragraphs: [], text: '', title: null, publishedAt: null });
  });
});
