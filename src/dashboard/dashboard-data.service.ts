import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { partName } from '../common/query-fields.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { WeeklyCountsFilter } from '../trends/weekly-counts-query.schema.js';
import { weeklyCountsSql } from '../trends/weekly-counts.sql.js';
import { WeeklyCountsService, type WeeklyCountsResponse } from '../trends/weekly-counts.service.js';
import { CourtsQueryService, type CourtItem } from '../verdicts/courts-query.service.js';
import { ClaimSummaries, entry, type ClaimIndexEntry, type ClaimView } from './claim-summaries.js';
import type { DashboardCourtsQuery, DashboardTrendQuery } from './dashboard-query.schema.js';

export const SERIES = ['received', 'decided', 'convicted'] as const;
type Series = (typeof SERIES)[number];

export interface TrendWeek {
  week: string;
  received: number;
  decided: number;
  convicted: number;
  /** Of the chosen series' date (received, or decided for decided and convicted). */
  coverage: number | null;
  coveredCourts: number;
  expectedCourts: number;
  incomplete: boolean;
}

export interface DashboardFilter {
  series: Series;
  article: string;
  part: string;
  court?: string;
  level?: string;
  region?: string;
  from: string | null;
  to: string | null;
}

export interface TrendView {
  filter: DashboardFilter;
  publicationLagWeeks: number;
  coverageThreshold: number;
  weeks: TrendWeek[];
  claim: ClaimView | null;
  claims: ClaimIndexEntry[];
}

export interface CourtRow extends Pick<CourtItem, 'code' | 'name' | 'level' | 'region' | 'enabled' | 'expected' | 'lastGoodCrawlAt' | 'lastCrawlAt' | 'lastOutcome' | 'healthNote' | 'captchaWaiting'> {
  received: number | null;
  decided: number | null;
  convicted: number | null;
  /** Share of the period's complete weeks a good crawl covered (chosen series' date); null when not expected. */
  coverage: number | null;
}

export interface CourtsView {
  filter: DashboardFilter;
  weeks: number;
  coverageThreshold: number;
  courts: CourtRow[];
}

/**
 * What each dashboard view needs, in one answer: the three weekly series side by side (the trend API
 * gives one series per request) and the court registry with its counts for the period.
 */
@Injectable()
export class DashboardDataService {
  constructor(
    private readonly counts: WeeklyCountsService,
    private readonly claims: ClaimSummaries,
    private readonly refs: ModuleRef,
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async trend(q: DashboardTrendQuery): Promise<TrendView> {
    const [series, claims] = await Promise.all([this.threeSeries(q), this.claims.index()]);
    const main = series[q.series];
    const byWeek = (s: Series) => new Map(series[s].rows.map((r) => [r.week, r.count]));
    const others = Object.fromEntries(SERIES.map((s) => [s, byWeek(s)])) as Record<Series, Map<string, number>>;
    return {
      filter: filterOf(q, main),
      publicationLagWeeks: main.publicationLagWeeks,
      coverageThreshold: main.coverageThreshold,
      weeks: main.rows.map((r) => ({
        week: r.week,
        received: others.received.get(r.week) ?? 0,
        decided: others.decided.get(r.week) ?? 0,
        convicted: others.convicted.get(r.week) ?? 0,
        coverage: r.coverage,
        coveredCourts: r.coveredCourts,
        expectedCourts: r.expectedCourts,
        incomplete: r.incomplete,
      })),
      claim: await this.claims.view(q.claim, claims),
      claims: claims.map(entry),
    };
  }

  async courts(q: DashboardCourtsQuery): Promise<CourtsView> {
    const registry = this.refs.get(CourtsQueryService, { strict: false });
    const [sums, courts] = await Promise.all([this.courtSums(q), registry.list({ level: q.level, region: q.region })]);
    const main = sums[q.series];
    return {
      filter: { ...filterOf(q, null), from: main.from, to: main.to },
      weeks: main.weeks,
      coverageThreshold: this.env.COVERAGE_THRESHOLD,
      courts: courts.map((c) => {
        const own = main.byCourt.get(c.code);
        const counted = c.expected || SERIES.some((s) => sums[s].byCourt.has(c.code));
        const count = (s: Series) => (counted ? (sums[s].byCourt.get(c.code)?.count ?? 0) : null);
        return {
          code: c.code, name: c.name, level: c.level, region: c.region, enabled: c.enabled, expected: c.expected,
          lastGoodCrawlAt: c.lastGoodCrawlAt, lastCrawlAt: c.lastCrawlAt, lastOutcome: c.lastOutcome,
          healthNote: c.healthNote, captchaWaiting: c.captchaWaiting,
          received: count('received'), decided: count('decided'), convicted: count('convicted'),
          coverage: c.expected ? round4(own?.coverage ?? 0) : null,
        };
      }),
    };
  }

  /**
   * Per court, each series summed over the period by Postgres around the trend API's own weekly SQL (grouped
   * by court), so the numbers are the ones /api/weekly-counts?groupBy=court gives, without shipping its rows.
   */
  private async courtSums(q: DashboardCourtsQuery) {
    const ctx = this.counts.context();
    const filter = { article: q.article, part: q.part, level: q.level, region: q.region, groupBy: 'court' as const };
    const run = async (series: Series, from = q.from, to = q.to) => {
      const inner = weeklyCountsSql({ ...filter, series, from, to }, ctx);
      const rows: { court: string; count: number; coverage: number | null; first: string; last: string; weeks: number }[] = await this.db.query(
        `SELECT r.group_key AS court, sum(r.count)::int AS count, avg(r.coverage) FILTER (WHERE NOT r.incomplete)::float8 AS coverage,
                min(r.week)::text AS first, max(r.week)::text AS last, count(*)::int AS weeks
           FROM (${inner.text}) r GROUP BY r.group_key`,
        inner.values,
      );
      return {
        byCourt: new Map(rows.map((r) => [r.court, r])),
        from: rows[0]?.first ?? from ?? null,
        to: rows[0]?.last ?? to ?? null,
        weeks: rows[0]?.weeks ?? 0,
      };
    };
    const main = await (q.from && q.to ? null : run(q.series));
    const from = main?.from ?? q.from;
    const to = main?.to ?? q.to;
    const answers = await Promise.all(SERIES.map((s) => (s === q.series && main ? main : run(s, from ?? undefined, to ?? undefined))));
    return Object.fromEntries(SERIES.map((s, i) => [s, answers[i]])) as Record<Series, Awaited<ReturnType<typeof run>>>;
  }

  /**
   * The three series over the same weeks. Without both bounds the trend API picks the stored span of the
   * series asked for, so the chosen series goes first and the others follow with its bounds.
   */
  private async threeSeries(q: WeeklyCountsFilter): Promise<Record<Series, WeeklyCountsResponse>> {
    const filter = { article: q.article, part: q.part, court: q.court, level: q.level, region: q.region, groupBy: 'none' as const };
    const run = (series: Series, from = q.from, to = q.to) => this.counts.query({ ...filter, series, from, to });
    const main = await (q.from && q.to ? null : run(q.series));
    const from = main?.rows[0]?.week ?? q.from;
    const to = main?.rows.at(-1)?.week ?? q.to;
    const answers = await Promise.all(SERIES.map((s) => (s === q.series && main ? main : run(s, from, to))));
    return Object.fromEntries(SERIES.map((s, i) => [s, answers[i]])) as Record<Series, WeeklyCountsResponse>;
  }
}

function filterOf(q: WeeklyCountsFilter, main: WeeklyCountsResponse | null): DashboardFilter {
  return {
    series: q.series,
    article: q.article,
    part: partName(q.part),
    ...(q.court ? { court: q.court } : {}),
    ...(q.level ? { level: q.level } : {}),
    ...(q.region ? { region: q.region } : {}),
    from: main?.rows[0]?.week ?? null,
    to: main?.rows.at(-1)?.week ?? null,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
