/** A calendar date found in text. */
export interface DateHit {
  index: number;
  length: number;
  /** ISO date. */
  date: string;
  /** 'explicit' when the text gives day and month, 'relative' for «вчера», «в пятницу», «on Monday». */
  kind: 'explicit' | 'relative';
}

export const RU_MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
/** Stems of the month names that also match the prepositional case («в марте») and the nominative. */
export const RU_MONTH_STEMS = ['январ', 'феврал', 'март', 'апрел', 'ма[йяе]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
export const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_MONTH_ALT = EN_MONTHS.map((m) => `${m[0]!.toUpperCase()}${m.slice(1)}|${m[0]!.toUpperCase()}${m.slice(1, 3)}\\.?`).join('|');

const S = '[\\s\\u00a0]';
const NUMERIC = /(?<![\d.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4}|\d{2})(?![\d.]\d)/gu;
const RU_TEXT = new RegExp(`(?<![\\d\\p{L}])(?<d>\\d{1,2})(?:-?го)?${S}+(?<m>${RU_MONTHS_GEN.join('|')})(?:${S}+(?<y>\\d{4})(?:${S}*(?:года|г\\.))?)?(?![\\p{L}])`, 'giu');
const EN_DMY = new RegExp(`(?<![\\w])(?<d>\\d{1,2})(?:st|nd|rd|th)?${S}+(?:of${S}+)?(?<m>${EN_MONTH_ALT})(?:,?${S}+(?<y>\\d{4}))?(?![\\w])`, 'gu');
const EN_MDY = new RegExp(`(?<![\\w])(?<m>${EN_MONTH_ALT})${S}+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?${S}+(?<y>\\d{4}))?(?![\\w])`, 'gu');

const RU_WEEKDAYS: ReadonlyArray<readonly [number, string]> = [
  [1, 'в понедельник'],
  [2, 'во вторник'],
  [3, 'в среду'],
  [4, 'в четверг'],
  [5, 'в пятницу'],
  [6, 'в субботу'],
  [0, 'в воскресенье'],
];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RELATIVE_DAYS: ReadonlyArray<readonly [number, RegExp]> = [
  [0, /(?<![\p{L}])(?:сегодня|today)(?![\p{L}])/giu],
  [-1, /(?<![\p{L}])(?:вчера|yesterday)(?![\p{L}])/giu],
  [-2, /(?<![\p{L}])позавчера(?![\p{L}])/giu],
];

/** The publication day in Moscow time (courts and most of the press keep Moscow dates). */
export function moscowDate(publishedAt: string): Date | null {
  const t = Date.parse(publishedAt);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + 3 * 3600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/u, '');
  const ru = RU_MONTHS_GEN.indexOf(n);
  if (ru >= 0) return ru;
  return EN_MONTHS.findIndex((m) => m === n || m.slice(0, 3) === n);
}

function build(day: number, month: number, year: number | null, pub: Date | null): string | null {
  if (month < 0 || day < 1 || day > 31) return null;
  let y = year;
  if (y === null) {
    if (!pub) return null;
    y = pub.getUTCFullYear();
    // «15 декабря» in a January article is last year's.
    if (Date.UTC(y, month, day) > pub.getTime() + 2 * 86400_000) y -= 1;
  }
  const d = new Date(Date.UTC(y, month, day));
  if (d.getUTCMonth() !== month) return null; // 31 февраля
  return iso(d);
}

/**
 * Dates in the text, explicit («12 мая 2026 года», «12.05.2026», «May 12», «12 May 2026») and
 * relative to `publishedAt` («вчера», «в пятницу», «on Friday»). Without a year or with a
 * relative word, a date needs `publishedAt` and is skipped when it is not given.
 */
export function findDates(text: string, publishedAt?: string | null): DateHit[] {
  const pub = publishedAt ? moscowDate(publishedAt) : null;
  const hits: DateHit[] = [];
  const push = (index: number, length: number, date: string | null, kind: DateHit['kind']): void => {
    if (!date || hits.some((h) => index < h.index + h.length && h.index < index + length)) return;
    hits.push({ index, length, date, kind });
  };
  for (const m of text.matchAll(NUMERIC)) {
    let y = Number(m.groups!['y']);
    if (y < 100) y += 2000;
    push(m.index!, m[0].length, build(Number(m.groups!['d']), Number(m.groups!['m']) - 1, y, pub), 'explicit');
  }
  for (const re of [RU_TEXT, EN_DMY, EN_MDY]) {
    for (const m of text.matchAll(re)) {
      const y = m.groups!['y'] ? Number(m.groups!['y']) : null;
      push(m.index!, m[0].length, build(Number(m.groups!['d']), monthIndex(m.groups!['m']!), y, pub), 'explicit');
    }
  }
  if (pub) {
    for (const [offset, re] of RELATIVE_DAYS) {
      for (const m of text.matchAll(re)) push(m.index!, m[0].length, iso(new Date(pub.getTime() + offset * 86400_000)), 'relative');
    }
    const weekday = (index: number, length: number, dow: number): void => {
      const back = (pub.getUTCDay() - dow + 7) % 7;
      push(index, length, iso(new Date(pub.getTime() - back * 86400_000)), 'relative');
    };
    for (const [dow, phrase] of RU_WEEKDAYS) {
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'giu'))) weekday(m.index!, m[0].length, dow);
    }
    EN_WEEKDAYS.forEach((name, dow) => {
      for (const m of text.matchAll(new RegExp(`(?<![A-Za-z])on${S}+${name}(?![A-Za-z])`, 'gu'))) weekday(m.index!, m[0].length, dow);
    });
  }
  return hits.sort((a, b) => a.index - b.index);
}
