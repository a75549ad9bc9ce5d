const DAY = 86_400_000;

/** Parses an ISO calendar date (YYYY-MM-DD) to a UTC midnight timestamp; throws on anything else. */
export function parseIsoDate(s: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new RangeError(`not an ISO date: ${s}`);
  const t = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) throw new RangeError(`not a calendar date: ${s}`);
  return t;
}

export function formatIsoDate(t: number | Date): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The Monday (ISO week start) of the week holding `date`. */
export function weekStart(date: string | Date): string {
  const t = typeof date === 'string' ? parseIsoDate(date) : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  return formatIsoDate(t - dow * DAY);
}

export function addDays(date: string, days: number): string {
  return formatIsoDate(parseIsoDate(date) + days * DAY);
}

/** Every ISO week Monday from the week of `from` to the week of `to`, inclusive. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) out.push(w);
  return out;
}
