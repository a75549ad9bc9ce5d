import { describe, it, expect } from '@jest/globals';
import { isArticle, parseArticles } from './articles.js';

const ref = (article: string, part: string | null = null, point: string | null = null) => ({ article, part, point });

describe('parseArticles', () => {
  it('reads the forms court pages use', () => {
    expect(parseArticles('ст.337 ч.5 УК РФ')).toEqual([ref('337', '5')]);
    expect(parseArticles('ст.337 ч.2.1')).toEqual([ref('337', '2.1')]);
    expect(parseArticles('ст. 337 ч. 3.1; ст.338 ч.2')).toEqual([ref('337', '3.1'), ref('338', '2')]);
    expect(parseArticles('ст.173.1 ч.2 п.б УК РФ')).toEqual([ref('173.1', '2', 'б')]);
    expect(parseArticles('ст.337 ч.5; ст.339 ч.2 УК РФ')).toEqual([ref('337', '5'), ref('339', '2')]);
    expect(parseArticles('ст.338 УК РФ')).toEqual([ref('338')]);
  });

  it('never reads 337.1 as 337', () => {
    const refs = parseArticles('ст.337.1 ч.1 УК РФ');
    expect(refs).toEqual([ref('337.1', '1')]);
    expect(refs.some((r) => isArticle(r, '337'))).toBe(false);
    expect(parseArticles('ст.3371 ч.1')).toEqual([]);
  });

  it('reads the act-text order «п. «б» ч. 2 ст. 173.1»', () => {
    expect(parseArticles('предусмотренного п. «б» ч. 2 ст. 173.1 УК РФ')).toEqual([ref('173.1', '2', 'б')]);
    expect(parseArticles('предусмотренного ч. 5 ст. 337 УК РФ')).toEqual([ref('337', '5')]);
  });

  it('leaves out other codes and repeats', () => {
    expect(parseArticles('СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)')).toEqual([]);
    expect(parseArticles('ст.337 ч.5 УК РФ; ст.337 ч.5 УК РФ')).toEqual([ref('337', '5')]);
    expect(parseArticles('')).toEqual([]);
    expect(parseArticles(null)).toEqual([]);
    expect(parseArticles('Жалобу подал(а): ООО «Пост»')).toEqual([]);
  });

  it('does not take a part from the previous article', () => {
    expect(parseArticles('ст.337 ч.5 ст.338')).toEqual([ref('337', '5'), ref('338')]);
  });
});

describe('isArticle', () => {
  it('matches article and, when given, part exactly', () => {
    expect(isArticle(ref('337', '5'), '337')).toBe(true);
    expect(isArticle(ref('337', '5'), '337', '5')).toBe(true);
    expect(isArticle(ref('337', '5'), '337', '2.1')).toBe(false);
    expect(isArticle(ref('337.1', '1'), '337')).toBe(false);
  });
});
