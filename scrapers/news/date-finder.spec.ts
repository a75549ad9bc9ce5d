import { describe, expect, it } from '@jest/globals';
import { findDates } from './date-finder.js';

const PUB = '2026-01-19T09:00:00Z'; // a Monday
const dates = (text: string, pub: string | null = PUB) => findDates(text, pub).map((d) => d.date);

describe('findDates', () => {
  it.each([
    ['12 мая 2025 года суд', ['2025-05-12']],
    ['приговор вынесен 12.05.2025', ['2025-05-12']],
    ['12 января суд', ['2026-01-12']],
    ['15 декабря суд', ['2025-12-15']], // last year's December in a January article
    ['вчера суд', ['2026-01-18']],
    ['сегодня суд', ['2026-01-19']],
    ['в пятницу суд', ['2026-01-16']],
    ['в понедельник суд', ['2026-01-19']],
    ['on May 14, 2025', ['2025-05-14']],
    ['on 14 May 2025', ['2025-05-14']],
    ['on January 12', ['2026-01-12']],
    ['on Friday', ['2026-01-16']],
    ['31 февраля', []],
    ['в 2025 году', []],
  ])('%s', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('needs the publication date for a date without a year or a relative one', () => {
    expect(dates('12 мая суд, вчера', null)).toEqual([]);
    expect(dates('12 мая 2025 года', null)).toEqual(['2025-05-12']);
  });

  it('reads the publication day in Moscow time', () => {
    expect(dates('вчера', '2026-01-18T22:30:00Z')).toEqual(['2026-01-18']); // 01:30 MSK on the 19th
  });
});
