import { describe, expect, it } from '@jest/globals';
import { parseWeeklySeriesCsv, WeeklySeriesCsvError } from './weekly-series-csv.js';

function errorOf(text: string): WeeklySeriesCsvError {
  try {
    parseWeeklySeriesCsv(text);
  } catch (err) {
    if (err instanceof WeeklySeriesCsvError) return err;
    throw err;
  }
  throw new Error('expected the CSV to be rejected');
}

describe('parseWeeklySeriesCsv', () => {
  it('reads week,count rows', () => {
    expect(parseWeeklySeriesCsv('week,count\n2024-01-01,12\n2024-01-08,0\n')).toEqual([
      { week: '2024-01-01', count: 12 },
      { week: '2024-01-08', count: 0 },
    ]);
  });

  it('tolerates a BOM, CRLF, blank lines, no final newline, header case and spaces', () => {
    const text = '\uFEFFWeek , Count\r\n2024-01-01, 12\r\n\r\n2024-01-08,7';
    expect(parseWeeklySeriesCsv(text)).toEqual([
      { week: '2024-01-01', count: 12 },
      { week: '2024-01-08', count: 7 },
    ]);
  });

  it('ignores extra columns in any order and reads quoted fields', () => {
    const text = 'court,"count","week",note\n"GVS-1","5","2024-01-01","a, b"\nGVS-1,6,2024-01-08,"two\nlines ""quoted"""\n';
    expect(parseWeeklySeriesCsv(text)).toEqual([
      { week: '2024-01-01', count: 5 },
      { week: '2024-01-08', count: 6 },
    ]);
  });

  it('reads an optional coverage column; empty means not reported', () => {
    expect(parseWeeklySeriesCsv('week,count,coverage\n2024-01-01,5,0.75\n2024-01-08,6,\n')).toEqual([
      { week: '2024-01-01', count: 5, coverage: 0.75 },
      { week: '2024-01-08', count: 6 },
    ]);
  });

  it('allows gaps between weeks (a missing week is unknown, not zero)', () => {
    expect(parseWeeklySeriesCsv('week,count\n2024-01-01,1\n2024-01-22,2\n')).toHaveLength(2);
  });

  it('returns no rows for a header alone', () => {
    expect(parseWeeklySeriesCsv('week,count\n')).toEqual([]);
  });

  it.each([
    ['', 1, /empty/],
    ['date,n\n2024-01-01,1\n', 1, /no week and count column/],
    ['week,count,week\n', 1, /more than once/],
    ['week,count\n2024-01-01,1\n2024-01-08\n', 3, /expected 2 fields.*found 1/],
    ['week,count\n2024-01-01,1,9\n', 2, /expected 2 fields.*found 3/],
    ['week,count\n01/01/2024,1\n', 2, /not an ISO date/],
    ['week,count\n2024-02-30,1\n', 2, /not a calendar date/],
    ['week,count\n2024-01-01,1\n2024-01-03,1\n', 3, /2024-01-03 is a Wednesday, not a Monday/],
    ['week,count\n2024-01-08,1\n2024-01-01,1\n', 3, /comes after 2024-01-08 \(line 2\).*ascending/],
    ['week,count\n2024-01-01,1\n\n2024-01-01,2\n', 4, /repeats line 2/],
    ['week,count\n2024-01-01,-3\n', 2, /count "-3" is not a non-negative whole number/],
    ['week,count\n2024-01-01,2.5\n', 2, /count "2.5"/],
    ['week,count\n2024-01-01,\n', 2, /count ""/],
    ['week,count,coverage\n2024-01-01,3,85%\n', 2, /coverage "85%"/],
    ['week,count,coverage\n2024-01-01,3,1.2\n', 2, /coverage "1.2"/],
    ['week,count\r\n2024-01-01,1\r\n2024-01-08,x\r\n', 3, /count "x"/],
    ['week,note,count\n2024-01-01,"open,1\n2024-01-08,2\n', 2, /never closed/],
    ['week,count\n2024-01-01,"1"x\n', 2, /after the closing quote/],
    ['week,note,count\n2024-01-01,"a\nb",1\n2024-01-08,x,zz\n', 4, /count "zz"/],
  ])('rejects %j at line %d', (text, line, message) => {
    const err = errorOf(text);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(new RegExp(`^line ${line}: `));
    expect(err.message).toMatch(message);
  });
});
