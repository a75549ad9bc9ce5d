import { readFile } from 'node:fs/promises';
import { parseWeeklySeriesCsv, WeeklySeriesCsvError, type WeeklySeriesRow } from '../common/weekly-series-csv.js';
import { checkClaim } from '../trends/stats/claim-check.js';
import { parseArgs, UsageError } from './args.js';

const USAGE =
  'usage: check-claim --series FILE --expected N [--per week|month|period] [--tolerance 0.2] [--lag WEEKS] [--coverage-threshold 0.8]\n';

/**
 * `check-claim --series FILE --expected N …`: tests a claimed figure against a weekly series
 * CSV (week,count[,coverage]) and prints one JSON object: weeks, weeksUsed, total, meanPerWeek,
 * garwood90, garwood95, dispersion, mannKendall, senSlopePerWeek, verdict and the band used.
 * Every week of the file is used unless --lag N leaves out the last N. Exit 0, or 2 on a usage
 * error, an unreadable file or a malformed line (the message names it).
 */
export async function checkClaimCommand(args: string[]): Promise<number> {
  let values: Record<string, string>;
  let flags: Set<string>;
  let positional: string[];
  try {
    ({ values, flags, positional } = parseArgs(args, {
      values: ['series', 'expected', 'per', 'tolerance', 'lag', 'coverage-threshold'],
      flags: ['help'],
    }));
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    throw err;
  }
  if (flags.has('help')) {
    process.stderr.write(USAGE);
    return 0;
  }
  if (positional.length > 0) return usage(`unexpected argument ${positional[0]}`);
  const file = values['series'];
  if (!file) return usage('--series is missing');
  if (values['expected'] === undefined) return usage('--expected is missing');

  const per = values['per'] ?? 'week';
  if (per !== 'week' && per !== 'month' && per !== 'period') return usage(`--per must be week, month or period, got ${per}`);
  const expected = number(values['expected']);
  if (expected === undefined || expected < 0) return usage(`--expected must be a non-negative number, got ${values['expected']}`);
  const tolerance = values['tolerance'] === undefined ? 0.2 : number(values['tolerance']);
  if (tolerance === undefined || tolerance < 0) return usage(`--tolerance must be a non-negative number, got ${values['tolerance']}`);
  const lag = values['lag'] === undefined ? 0 : number(values['lag']);
  if (lag === undefined || !Number.isInteger(lag) || lag < 0) return usage(`--lag must be a whole number of weeks, got ${values['lag']}`);
  const threshold = values['coverage-threshold'] === undefined ? 0.8 : number(values['coverage-threshold']);
  if (threshold === undefined || threshold < 0 || threshold > 1) {
    return usage(`--coverage-threshold must be between 0 and 1, got ${values['coverage-threshold']}`);
  }

  let rows: WeeklySeriesRow[];
  try {
    rows = parseWeeklySeriesCsv(await readFile(file, 'utf8'));
  } catch (err) {
    return fail(err instanceof WeeklySeriesCsvError ? `${file}: ${err.message}` : `cannot read ${file}: ${describe(err)}`);
  }
  try {
    const result = checkClaim({ rows, expected: { value: expected, per }, tolerance, coverageThreshold: threshold, lagWeeks: lag });
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (err) {
    if (err instanceof RangeError) return fail(`${file}: ${err.message}`);
    throw err;
  }
}

function number(text: string): number | undefined {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

function describe(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

function usage(message: string): number {
  process.stderr.write(`check-claim: ${message}\n${USAGE}`);
  return 2;
}

function fail(message: string): number {
  process.stderr.write(`check-claim: ${message}\n`);
  return 2;
}
