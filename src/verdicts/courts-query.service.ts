import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { CourtsQuery } from './courts-query.schema.js';

export interface CourtItem {
  code: string;
  name: string;
  level: string;
  region: string;
  hosts: string[];
  captcha: boolean;
  enabled: boolean;
  /** Counts toward coverage: an enabled garrison or okrug court (within CRAWL_COURTS when set). */
  expected: boolean;
  lastCrawlAt: string | null;
  lastGoodCrawlAt: string | null;
  lastOutcome: string | null;
  healthNote: string | null;
  captchaWaiting: boolean;
  /** Newest ISO week a good crawl covered (any article, by date decided). */
  lastCoveredWeek: string | null;
}

/** The court registry with each court's crawl health. */
@Injectable()
export class CourtsQueryService {
  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  list(q: CourtsQuery): Promise<CourtItem[]> {
    return this.db.query(
      `SELECT co.code, co.name, co.level, co.region, co.hosts, co.captcha, co.enabled,
              co.enabled AND co.level IN ('garrison', 'okrug') AND (cardinality($4::text[]) = 0 OR co.code = ANY($4::text[])) AS expected,
              to_char(co.last_crawl_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastCrawlAt",
              to_char(co.last_good_crawl_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastGoodCrawlAt",
              co.last_outcome AS "lastOutcome", co.health_note AS "healthNote", co.captcha_waiting AS "captchaWaiting",
              (SELECT max(cw.week)::text FROM court_week_coverage cw WHERE cw.court_code = co.code AND cw.date_field = 'decided') AS "lastCoveredWeek"
         FROM courts co
        WHERE ($1::text IS NULL OR co.level = $1) AND ($2::text IS NULL OR co.region = $2)
          AND ($3::boolean IS NULL OR co.enabled = $3)
        ORDER BY co.code`,
      [q.level ?? null, q.region ?? null, q.enabled ?? null, this.env.CRAWL_COURTS],
    );
  }
}
