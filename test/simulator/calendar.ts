// Calendar dates as integer day numbers (days since 1970-01-01, UTC): cheap to compare and add.

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return t / DAY_MS;
}

const isoCache = new Map<number, string>();

export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

/** `dd.mm.yyyy`, as the court pages write dates. */
export function ruDate(day: number): string {
  const iso = isoOf(day);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Parses `dd.mm.yyyy`; undefined when the text is not such a date. */
export function dayOfRu(text: string): number | undefined {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  try {
    return dayOf(`${m[3]}-${m[2]}-${m[1]}`);
  } catch {
    return undefined;
  }
}

/** Monday = 0 … Sunday = 6. */
export function weekday(day: number): number {
  return (day + 3) % 7;
}

/** The ISO week's Monday of a day. */
export function mondayOf(day: number): number {
  return day - weekday(day);
}

/** Moves a weekend day to the next Monday. */
export function workday(day: number): number {
  const wd = weekday(day);
  return wd === 5 ? day + 2 : wd === 6 ? day + 1 : day;
}

export function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
