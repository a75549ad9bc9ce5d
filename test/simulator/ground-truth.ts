// The ground truth the simulator generated, counted the way the service counts:
// a case counts once per tracked (article, part) any of its defendants is charged under.
import type { SimCase } from './case-generator.js';
import { RESULTS } from './case-generator.js';
import { isoOf, mondayOf } from './calendar.js';
import { decisionVisible, isVisible } from './case-search.js';

export type Series = 'received' | 'decided' | 'convicted';

export interface TruthRow {
  week: string;
  series: Series;
  court: string;
  article: string;
  part: string | null;
  count: number;
}

export interface GroundTruth {
  weekly: TruthRow[];
  courts: { code: string; behaviour: string }[];
  params: {
    seed: number;
    from: string;
    to: string;
    now: string;
    publicationLagDays: number;
    articles: string[];
  };
}

export interface TruthWindow {
  fromDay: number;
  toDay: number;
  nowDay: number;
  articles: readonly string[];
}

/** The tracked (article, part) pairs a case counts under, once each. */
export function countedCharges(c: SimCase, articles: readonly string[]): { article: string; part: string | null }[] {
  const seen = new Map<string, { article: string; part: string | null }>();
  for (const d of c.defendants) {
    for (const ch of d.charges) {
      if (!articles.includes(ch.article)) continue;
      seen.set(`${ch.article}|${ch.part ?? ''}`, { article: ch.article, part: ch.part });
    }
  }
  return [...seen.values()];
}

const SERIES_ORDER: Record<Series, number> = { received: 0, decided: 1, convicted: 2 };

/** Weekly counts of first-instance cases published at `nowDay`, within [from, to] by the series' date. */
export function weeklyTruth(cases: Iterable<SimCase>, w: TruthWindow): TruthRow[] {
  const counts = new Map<string, TruthRow>();
  const add = (series: Series, day: number, court: string, article: string, part: string | null) => {
    const week = isoOf(mondayOf(day));
    const key = `${week}|${series}|${court}|${article}|${part ?? ''}`;
    const row = counts.get(key);
    if (row) row.count++;
    else counts.set(key, { week, series, court, article, part, count: 1 });
  };
  for (const c of cases) {
    if (c.instance !== 'first' || !isVisible(c, w.nowDay)) continue;
    const charges = countedCharges(c, w.articles);
    if (charges.length === 0) continue;
    const received = c.receivedDay >= w.fromDay && c.receivedDay <= w.toDay;
    const decided = decisionVisible(c, w.nowDay) && c.decidedDay! >= w.fromDay && c.decidedDay! <= w.toDay;
    const convicted = decided && c.result === RESULTS.conviction;
    for (const { article, part } of charges) {
      if (received) add('received', c.receivedDay, c.court, article, part);
      if (decided) add('decided', c.decidedDay!, c.court, article, part);
      if (convicted) add('convicted', c.decidedDay!, c.court, article, part);
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.week.localeCompare(b.week) ||
      a.court.localeCompare(b.court) ||
      SERIES_ORDER[a.series] - SERIES_ORDER[b.series] ||
      a.article.localeCompare(b.article) ||
      (a.part ?? '').localeCompare(b.part ?? ''),
  );
}
