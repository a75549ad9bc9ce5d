import { parseIsoDate } from './iso-week.js';

export interface WeeklySeriesRow {
  /** ISO date of the week's Monday. */
  week: string;
  count: number;
  /** Share (0–1) of expected courts covered that week, when the file has a `coverage` column. */
  coverage?: number;
}

/** A malformed weekly-series file; `line` is the 1-based physical line where the bad record starts. */
export class WeeklySeriesCsvError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'WeeklySeriesCsvError';
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Reads a weekly series CSV: a header naming at least `week` and `count` (any order, any
 * case), then one row per week. `week` is the ISO date of a Monday, strictly ascending
 * (gaps are allowed: a missing week is unknown, not zero); `count` a non-negative integer;
 * an optional `coverage` column holds a share in [0, 1] (empty = not reported). Other
 * columns are ignored. Accepts a UTF-8 BOM, CRLF or LF line ends, RFC 4180 quoting (as the
 * project's CSV exports write it) and blank lines. Throws WeeklySeriesCsvError naming the line.
 */
export function parseWeeklySeriesCsv(text: string): WeeklySeriesRow[] {
  const records = splitRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = records.shift();
  if (!header) throw new WeeklySeriesCsvError(1, 'the file is empty; expected a header with week and count columns');

  const names = header.fields.map((f) => f.trim().toLowerCase());
  const column = (name: string): number => {
    const indexes = names.flatMap((n, i) => (n === name ? [i] : []));
    if (indexes.length > 1) throw new WeeklySeriesCsvError(header.line, `the header names column "${name}" more than once`);
    return indexes.length === 1 ? indexes[0] : -1;
  };
  const weekAt = column('week');
  const countAt = column('count');
  const coverageAt = column('coverage');
  if (weekAt < 0 || countAt < 0) {
    const missing = [weekAt < 0 ? 'week' : null, countAt < 0 ? 'count' : null].filter(Boolean).join(' and ');
    throw new WeeklySeriesCsvError(header.line, `the header has no ${missing} column (found: ${header.fields.join(',')})`);
  }

  const rows: WeeklySeriesRow[] = [];
  let previous: { week: string; line: number } | undefined;
  for (const { line, fields } of records) {
    const fail = (problem: string): never => {
      throw new WeeklySeriesCsvError(line, problem);
    };
    if (fields.length !== names.length) fail(`expected ${names.length} fields as in the header, found ${fields.length}`);

    const week = fields[weekAt].trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(week)) fail(`week "${week}" is not an ISO date (YYYY-MM-DD)`);
    let time = NaN;
    try {
      time = parseIsoDate(week);
    } catch {
      fail(`week "${week}" is not a calendar date`);
    }
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 1) fail(`week ${week} is a ${WEEKDAYS[weekday]}, not a Monday`);
    if (previous && week === previous.week) fail(`week ${week} repeats line ${previous.line}`);
    if (previous && week < previous.week) fail(`week ${week} comes after ${previous.week} (line ${previous.line}); weeks must be in ascending order`);

    const countText = fields[countAt].trim();
    if (!/^\d+$/.test(countText)) fail(`count "${countText}" is not a non-negative whole number`);
    const count = Number(countText);
    if (!Number.isSafeInteger(count)) fail(`count ${countText} is too large`);

    const row: WeeklySeriesRow = { week, count };
    if (coverageAt >= 0) {
      const coverageText = fields[coverageAt].trim();
      if (coverageText !== '') {
        const coverage = Number(coverageText);
        if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(coverageText) || !(coverage >= 0 && coverage <= 1)) {
          fail(`coverage "${coverageText}" is not a share between 0 and 1`);
        }
        row.coverage = coverage;
      }
    }
    rows.push(row);
    previous = { week, line };
  }
  return rows;
}

interface CsvRecord {
  line: number;
  fields: string[];
}

// RFC 4180 records with the line each starts on; blank lines are dropped.
function splitRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedOn = 0;
  let fieldWasQuoted = false;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '' && !fieldWasQuoted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '') throw new WeeklySeriesCsvError(line, `a quote inside the unquoted field "${field}"`);
      quoted = true;
      quoteOpenedOn = line;
      fieldWasQuoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (fieldWasQuoted && ch.trim() !== '') throw new WeeklySeriesCsvError(line, `text after the closing quote of a field`);
      field += ch;
    }
  }
  if (quoted) throw new WeeklySeriesCsvError(quoteOpenedOn, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}
