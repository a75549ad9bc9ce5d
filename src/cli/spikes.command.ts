import { readFile } from 'node:fs/promises';
import { earsC, type EarsMethod } from '../alerts/ears.js';
import { addDays } from '../common/iso-week.js';
import { parseWeeklySeriesCsv, WeeklySeriesCsvError, type WeeklySeriesRow } from '../common/weekly-series-csv.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = 'usage: spikes --series FILE --method C1|C2|C3 [--alpha A] [--baseline WEEKS] [--min-sigma S]\n';

/**
 * `spikes --series FILE --method C1|C2|C3`: runs EARS (R surveillance::earsC; alpha 0.001 for
 * C1/C2 and 0.025 for C3 unless --alpha) over a weekly series CSV and prints one JSON object:
 * method, alpha, baseline, firstWeek, upperbound (threshold per week from firstWeek, weeks
 * counted from 1 in file order), alarmWeeks, and alarmDates (the Mondays of those weeks).
 * The file's weeks must be consecutive.
 * Exit 0, or 2 on a usage error, an unreadable file or a malformed line (the message names it).
 */
export async function spikesCommand(args: string[]): Promise<number> {
  let values: Record<string, string>;
  let flags: Set<string>;
  let positional: string[];
  try {
    ({ values, flags, positional } = parseArgs(args, { values: ['series', 'method', 'alpha', 'baseline', 'min-sigma'], flags: ['help'] }));
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
  const method = values['method']?.toUpperCase();
  if (method !== 'C1' && method !== 'C2' && method !== 'C3') return usage(`--method must be C1, C2 or C3, got ${values['method'] ?? 'nothing'}`);
  const alpha = optionalNumber(values['alpha']);
  if (alpha === null || (alpha !== undefined && !(alpha > 0 && alpha < 1))) return usage(`--alpha must be between 0 and 1, got ${values['alpha']}`);
  const baseline = optionalNumber(values['baseline']);
  if (baseline === null || (baseline !== undefined && !(Number.isInteger(baseline) && baseline >= 3))) {
    return usage(`--baseline must be a whole number of weeks, at least 3, got ${values['baseline']}`);
  }
  const minSigma = optionalNumber(values['min-sigma']);
  if (minSigma === null || (minSigma !== undefined && minSigma < 0)) return usage(`--min-sigma must be a non-negative number, got ${values['min-sigma']}`);

  let rows: WeeklySeriesRow[];
  try {
    rows = parseWeeklySeriesCsv(await readFile(file, 'utf8'));
  } catch (err) {
    const message = err instanceof WeeklySeriesCsvError ? err.message : `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    process.stderr.write(`spikes: ${file}: ${message}\n`);
    return 2;
  }
  // EARS baselines are the weeks just before t: a gap would silently stretch them.
  for (let i = 1; i < rows.length; i++) {
    const expectedWeek = addDays(rows[i - 1].week, 7);
    if (rows[i].week !== expectedWeek) {
      process.stderr.write(`spikes: ${file}: week ${expectedWeek} is missing (before ${rows[i].week}); EARS needs consecutive weeks\n`);
      return 2;
    }
  }
  const result = earsC(
    rows.map((r) => r.count),
    { method: method as EarsMethod, alpha, baseline, minSigma },
  );
  const alarmDates = result.alarmWeeks.map((w) => rows[w - 1].week);
  process.stdout.write(JSON.stringify({ ...result, alarmDates }, null, 2) + '\n');
  return 0;
}

/** undefined when absent, null when not a number. */
function optionalNumber(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

function usage(message: string): number {
  process.stderr.write(`spikes: ${message}\n${USAGE}`);
  return 2;
}
