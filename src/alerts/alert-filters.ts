export type Series = 'received' | 'decided' | 'convicted';
export type Method = 'C1' | 'C2' | 'C3';
export type Frequency = 'immediately' | 'daily' | 'weekly';
export type Level = 'garrison' | 'okrug';

/** What a subscription follows: one weekly series, narrowed by article, part, court or court level. */
export interface AlertFilters {
  series: Series;
  article: string;
  /** '*' = the article as a whole, '' = charged without a part (the API says all / none). */
  part: string;
  court: string | null;
  level: Level | null;
}

/** One string per filter set: subscriptions with the same key watch the same series. */
export function filterKey(f: AlertFilters): string {
  return [f.series, f.article, f.part, f.court ?? '*', f.level ?? '*'].join('|');
}

/** Court search date field that covers a series: received by its date of receipt, the others by decision. */
export function dateFieldOf(series: Series): 'received' | 'decided' {
  return series === 'received' ? 'received' : 'decided';
}

const SERIES_LABEL: Record<Series, string> = { received: 'cases received', decided: 'cases decided', convicted: 'convictions' };

/** "Art. 337 part 5, convictions, garrison courts" */
export function describeFilters(f: AlertFilters, courtName?: string | null): string {
  const article = f.part === '*' ? `Art. ${f.article}` : f.part === '' ? `Art. ${f.article} (no part)` : `Art. ${f.article} part ${f.part}`;
  const where = f.court ? (courtName ? `${courtName} (${f.court})` : `court ${f.court}`) : f.level ? `${f.level} courts` : 'all military courts';
  return `${article}, ${SERIES_LABEL[f.series]}, ${where}`;
}

/** The query string the dashboard and the CSV export understand, without the defaults. */
export function filterQuery(f: AlertFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ series: f.series, article: f.article });
  if (f.part !== '*') q.set('part', f.part === '' ? 'none' : f.part);
  if (f.court) q.set('court', f.court);
  if (f.level) q.set('level', f.level);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
