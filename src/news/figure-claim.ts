import { findArticleRefs, inferArticles } from '../../scrapers/news/article-ref-extractor.js';
import type { AcceptFigure } from './news-query.schema.js';

/** A stored figure with the item it was published in. */
export interface FigureSource {
  id: string;
  value: number;
  unit: 'per-week' | 'per-month' | 'per-working-day' | 'per-day' | 'total';
  counts: 'sentences' | 'cases' | 'people' | null;
  /** `YYYY-MM` for a month figure that says which month. */
  period: string | null;
  quote: string;
  url: string | null;
  feedUrl: string;
  outlet: string;
  publishedAt: string | null;
}

/**
 * The body of a claim (as `POST /api/claims` takes it) for a published figure: rates per working
 * day or day become weekly rates (× 5, × 7); a figure about cases speaks of the received series, any
 * other of verdicts; the article is the one its sentence names, else 337; a month figure gives its
 * period. Whatever the admin sends wins; a figure without a period needs one from the admin.
 */
export function claimInputFor(f: FigureSource, with_: AcceptFigure): Record<string, unknown> {
  const [expectedUnit, expected] =
    f.unit === 'per-working-day' ? ['per-week', f.value * 5]
    : f.unit === 'per-day' ? ['per-week', f.value * 7]
    : f.unit === 'total' ? ['period-total', f.value]
    : [f.unit, f.value];
  const month = f.period && /^\d{4}-\d{2}$/u.test(f.period) ? monthRange(f.period) : null;
  const named = [...new Set(findArticleRefs(f.quote).flatMap((h) => h.refs.map((r) => r.article)))];
  const inferred = inferArticles(f.quote).map((a) => a.article);
  const article = named.length === 1 ? named[0] : named.length === 0 && inferred.length === 1 ? inferred[0] : '337';
  return {
    statement: with_.statement ?? f.quote.slice(0, 2000),
    sourceUrl: f.url ?? f.feedUrl,
    sourceName: f.outlet,
    publishedOn: f.publishedAt?.slice(0, 10),
    series: with_.series ?? (f.counts === 'cases' ? 'received' : 'convicted'),
    article: with_.article ?? article,
    part: with_.part ?? 'all',
    periodFrom: with_.periodFrom ?? month?.[0],
    periodTo: with_.periodTo ?? month?.[1],
    expectedUnit,
    expected,
    ...(with_.tolerance !== undefined ? { tolerance: with_.tolerance } : {}),
    note: with_.note ?? `accepted from news figure ${f.id}: ${f.value} ${f.unit}${f.counts ? ` (${f.counts})` : ''}`,
  };
}

function monthRange(period: string): [string, string] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${period}-01`, `${period}-${String(last).padStart(2, '0')}`];
}
