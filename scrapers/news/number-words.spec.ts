import { describe, expect, it } from '@jest/globals';
import { parseNumber } from './number-words.js';

describe('parseNumber', () => {
  it.each([
    ['5', 5],
    ['2 076', 2076],
    ['10\u00a0025', 10025],
    ['2,076', 2076],
    ['20,538', 20538],
    ['2,5', 2.5],
    ['1.5', 1.5],
    ['100 тысяч', 100000],
    ['100 тыс.', 100000],
    ['1,5 млн', 1500000],
    ['20 thousand', 20000],
    ['пять', 5],
    ['двум', 2],
    ['двадцать пять', 25],
    ['полутора', 1.5],
    ['сто пятьдесят тысяч', 150000],
    ['two', 2],
    ['twenty-five', 25],
    ['two hundred', 200],
    ['годом', null],
  ])('%j → %j', (phrase, expected) => {
    expect(parseNumber(phrase)).toBe(expected);
  });
});
