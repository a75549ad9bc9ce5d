// Numbers as the press writes them: digits with thousands separators («2 076», «2,076»),
// decimals («2,5»), multipliers («100 тысяч», «1,5 млн», «20 thousand») and words in Russian
// (in every case: «двум», «пяти», «полутора») and English («two and a half»).

const RU_UNITS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['один', 'одного', 'одному', 'одним', 'одном', 'одна', 'одну', 'одной', 'одно']],
  [2, ['два', 'две', 'двух', 'двум', 'двумя']],
  [3, ['три', 'трех', 'трёх', 'трем', 'трём', 'тремя']],
  [4, ['четыре', 'четырех', 'четырёх', 'четырем', 'четырём', 'четырьмя']],
  [5, ['пять', 'пяти', 'пятью']],
  [6, ['шесть', 'шести', 'шестью']],
  [7, ['семь', 'семи', 'семью']],
  [8, ['восемь', 'восьми', 'восемью']],
  [9, ['девять', 'девяти', 'девятью']],
  [10, ['десять', 'десяти', 'десятью']],
  [11, ['одиннадцать', 'одиннадцати']],
  [12, ['двенадцать', 'двенадцати']],
  [13, ['тринадцать', 'тринадцати']],
  [14, ['четырнадцать', 'четырнадцати']],
  [15, ['пятнадцать', 'пятнадцати']],
  [16, ['шестнадцать', 'шестнадцати']],
  [17, ['семнадцать', 'семнадцати']],
  [18, ['восемнадцать', 'восемнадцати']],
  [19, ['девятнадцать', 'девятнадцати']],
  [20, ['двадцать', 'двадцати']],
  [30, ['тридцать', 'тридцати']],
  [40, ['сорок', 'сорока']],
  [50, ['пятьдесят', 'пятидесяти']],
  [60, ['шестьдесят', 'шестидесяти']],
  [70, ['семьдесят', 'семидесяти']],
  [80, ['восемьдесят', 'восьмидесяти']],
  [90, ['девяносто', 'девяноста']],
  [100, ['сто', 'ста']],
  [200, ['двести', 'двухсот']],
  [300, ['триста', 'трехсот', 'трёхсот']],
  [400, ['четыреста', 'четырехсот', 'четырёхсот']],
  [500, ['пятьсот', 'пятисот']],
  [600, ['шестьсот', 'шестисот']],
  [700, ['семьсот', 'семисот']],
  [800, ['восемьсот', 'восьмисот']],
  [900, ['девятьсот', 'девятисот']],
  [1.5, ['полтора', 'полторы', 'полутора']],
];

const EN_UNITS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['one', 'a', 'an']],
  [2, ['two']],
  [3, ['three']],
  [4, ['four']],
  [5, ['five']],
  [6, ['six']],
  [7, ['seven']],
  [8, ['eight']],
  [9, ['nine']],
  [10, ['ten']],
  [11, ['eleven']],
  [12, ['twelve']],
  [13, ['thirteen']],
  [14, ['fourteen']],
  [15, ['fifteen']],
  [16, ['sixteen']],
  [17, ['seventeen']],
  [18, ['eighteen']],
  [19, ['nineteen']],
  [20, ['twenty']],
  [30, ['thirty']],
  [40, ['forty']],
  [50, ['fifty']],
  [60, ['sixty']],
  [70, ['seventy']],
  [80, ['eighty']],
  [90, ['ninety']],
  [100, ['hundred']],
];

const MULTIPLIERS: ReadonlyArray<readonly [number, string]> = [
  [1000, 'тыс\\.?|тысяч[а-я]*|thousand|k'],
  [1_000_000, 'млн\\.?|миллион[а-я]*|million|mln'],
];

const WORD_VALUE = new Map<string, number>();
for (const [v, words] of [...RU_UNITS, ...EN_UNITS]) for (const w of words) WORD_VALUE.set(w, v);

const WORD_ALT = [...WORD_VALUE.keys()]
  .filter((w) => w !== 'a' && w !== 'an')
  .sort((a, b) => b.length - a.length)
  .join('|');

const DIGITS = '\\d{1,3}(?:[ \\u00a0\\u202f\\u2009]\\d{3}){1,3}(?![\\d])|\\d{1,3}(?:,\\d{3}){1,3}(?![\\d.,]\\d)|\\d+(?:[.,]\\d+)?';

/** A regex source matching one number in digits or words (no capture groups). */
export const NUMBER_SOURCE = `(?:(?<![\\d])(?:${DIGITS})|(?<![\\p{L}])(?:${WORD_ALT})(?:[\\s-]+(?:${WORD_ALT})){0,3}(?![\\p{L}]))`;

/** NUMBER_SOURCE followed by an optional multiplier («100 тысяч», «1,5 млн»). */
export const AMOUNT_SOURCE = `${NUMBER_SOURCE}(?:[\\s\\u00a0]*(?:${MULTIPLIERS.map(([, m]) => m).join('|')})(?![\\p{L}]))?`;

/**
 * The value of a number phrase: `'2 076'` → 2076, `'2,5'` → 2.5, `'2,076'` → 2076,
 * `'двадцать пять'` → 25, `'полутора'` → 1.5, `'100 тысяч'` → 100000, `'1,5 млн'` → 1500000.
 * Returns null when the phrase holds no number.
 */
export function parseNumber(phrase: string): number | null {
  let s = phrase.trim().toLowerCase();
  let multiplier = 1;
  for (const [value, source] of MULTIPLIERS) {
    const m = new RegExp(`[\\s\\u00a0]*(?:${source})$`, 'u').exec(s);
    if (m) {
      multiplier = value;
      s = s.slice(0, m.index).trim();
      break;
    }
  }
  let n: number | null = null;
  if (/^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$/u.test(s)) n = Number(s.replace(/[^\d]/gu, ''));
  else if (/^\d{1,3}(?:,\d{3})+$/u.test(s)) n = Number(s.replace(/,/gu, ''));
  else if (/^\d+(?:[.,]\d+)?$/u.test(s)) n = Number(s.replace(',', '.'));
  else {
    let total = 0;
    let seen = false;
    for (const w of s.split(/[\s-]+/u)) {
      const v = WORD_VALUE.get(w);
      if (v === undefined) {
        if (w === 'and' || w === 'и') continue;
        return null;
      }
      seen = true;
      total = v === 100 && total > 0 && total < 10 ? total * 100 : total + v; // «two hundred»
    }
    n = seen ? total : null;
  }
  return n === null ? null : Math.round(n * multiplier * 1000) / 1000;
}
