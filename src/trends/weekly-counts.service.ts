import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { partName } from '../common/query-fields.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { WeeklyCountsFilter, WeeklyCountsQuery } from './weekly-counts-query.schema.js';
import { weeklyCountsCompactSql, type WeeklyCountsGroupRow } from './weekly-counts-compact.sql.js';
import { renderWeeklyCountsRows } from './weekly-counts-render.js';
import type { WeeklyCountsContext } from './weekly-counts.sql.js';

export interface WeeklyCountPoint {
  week: string;
  court?: string;
  level?: string | null;
  part?: string;
  count: number;
  coveredCourts: number;
  expectedCourts: number;
  /** Covered / expected courts; null when the filter expects no court. */
  coverage: number | null;
  /** Inside the publication lag: courts may still publish cases of this week. */
  incomplete: boolean;
}

export interface WeeklyCountsResponse {
  filter: Omit<WeeklyCountsQuery, 'part' | 'from' | 'to'> & { part: string; from: string | null; to: string | null };
  publicationLagWeeks: number;
  coverageThreshold: number;
  /** With groupBy=court: each court's name and level, once. */
  courts?: Record<string, { name: string | null; level: string | null }>;
  rows: WeeklyCountPoint[];
}

/** Reads weekly counts with their coverage: the trend API, the CSV download and claim checks share it. */
@Injectable()
export class WeeklyCountsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: Env,
  ) {}

  context(): WeeklyCountsContext {
    return { crawlCourts: this.env.CRAWL_COURTS, today: this.clock.today(), publicationLagWeeks: this.env.PUBLICATION_LAG_WEEKS };
  }

  /**
   * The response body as JSON text, in parts to write one after the other: Postgres aggregates, the rows are
   * written straight to text (ASCII, so cheap to encode and send).
   */
  async queryJsonParts(q: WeeklyCountsQuery): Promise<string[]> {
    const { text, values } = weeklyCountsCompactSql(q, this.context());
    const groups: WeeklyCountsGroupRow[] = await this.db.query(text, values);
    const filter = { ...q, part: partName(q.part), from: groups[0]?.lo ?? q.from ?? null, to: groups[0]?.hi ?? q.to ?? null };
    const head = JSON.stringify({
      filter,
      publicationLagWeeks: this.env.PUBLICATION_LAG_WEEKS,
      coverageThreshold: this.env.COVERAGE_THRESHOLD,
    }).slice(0, -1);
    const courts =
      q.groupBy === 'court'
        ? `,"courts":${JSON.stringify(Object.fromEntries(groups.map((g) => [g.group_key, { name: g.court_name, level: g.level }])))}`
        : '';
    return [head, courts, `,"rows":${renderWeeklyCountsRows(groups, q.groupBy)}}`];
  }

  async queryJson(q: WeeklyCountsQuery): Promise<string> {
    return (await this.queryJsonParts(q)).join('');
  }

  async query(q: WeeklyCountsQuery): Promise<WeeklyCountsResponse> {
    return JSON.parse(await this.queryJson(q)) as WeeklyCountsResponse;
  }

  /** One ungrouped weekly series (for claim checks). */
  async series(filter: WeeklyCountsFilter): Promise<WeeklyCountPoint[]> {
    return (await this.query({ ...filter, groupBy: 'none' })).rows;
  }
}
