import { describe, expect, it } from '@jest/globals';
import { findArticleRefs, inferArticles } from './article-ref-extractor.js';

const refs = (text: string) => findArticleRefs(text).flatMap((h) => h.refs);
const r = (article: string, part: string | null = null) => ({ article, part });

describe('findArticleRefs', () => {
  it.each([
    ['по ч. 5 ст. 337 УК РФ', [r('337', '5')]],
    ['по ч.5 ст.337 УК', [r('337', '5')]],
    ['по части 5 статьи 337 Уголовного кодекса', [r('337', '5')]],
    ['частью 2.1 статьи 337', [r('337', '2.1')]],
    ['по п. «а» ч. 2 ст. 332 УК', [r('332', '2')]],
    ['ст. 337 ч. 3.1 УК РФ', [r('337', '3.1')]],
    ['по статье 337 УК', [r('337')]],
    ['по статьям 337 и 338 УК', [r('337'), r('338')]],
    ['по 337-й статье', [r('337')]],
    ['дела по 337 УК', [r('337')]],
    ['по ч. 5 ст. 337 и ч. 2.1 ст. 332 УК', [r('337', '5'), r('332', '2.1')]],
    ['частями 3.1 и 5 статьи 337', [r('337', '3.1'), r('337', '5')]],
    ['по ст. 337 и ч. 2 ст. 338 УК', [r('337'), r('338', '2')]],
    ['under Part 5 of Article 337 of the Criminal Code', [r('337', '5')]],
    ['under Article 337, Part 5', [r('337', '5')]],
    ['under Article 337(5)', [r('337', '5')]],
    ['under Articles 337 and 338', [r('337'), r('338')]],
  ])('%s', (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });

  it.each([
    'по ч. 1 ст. 20.3.3 КоАП',
    'в особом порядке (ст. 316 УПК)',
    'статья 29 Конституции',
    'по ст. 19.3 КоАП',
  ])('skips other codes: %s', (text) => {
    expect(refs(text)).toEqual([]);
  });
});

describe('inferArticles', () => {
  it.each([
    ['за самовольное оставление части', [r('337')]],
    ['по делу о СОЧ', [r('337')]],
    ['за самоволку', [r('337')]],
    ['за дезертирство', [r('338')]],
    ['за неисполнение приказа', [r('332')]],
    ['for going AWOL', [r('337')]],
    ['for leaving his unit without permission', [r('337')]],
    ['for desertion', [r('338')]],
    ['в Сочи', []],
  ])('%s', (text, expected) => {
    expect(inferArticles(text)).toEqual(expected);
  });
});
