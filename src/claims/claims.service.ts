import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors/not-found.error.js';
import { partName } from '../common/query-fields.js';
import type { CreateClaim } from './claim.schema.js';
import { SEED_CLAIMS, type ExpectedUnit } from './seed-claims.js';

/** A claim's check parameters, stored form ('*' for the whole article). */
export interface StoredClaimParams {
  series: 'received' | 'decided' | 'convicted';
  article: string;
  part: string;
  court?: string;
  level?: 'garrison' | 'okrug' | 'appeal' | 'cassation';
  region?: string;
  periodFrom: string;
  periodTo: string;
  expectedUnit: ExpectedUnit;
  expected: number;
  tolerance: number;
  baselineFrom?: string;
  baselineTo?: string;
}

export interface Claim {
  id: string;
  slug: string | null;
  statement: string;
  sourceName: string | null;
  sourceUrl: string;
  publishedOn: string | null;
  params: StoredClaimParams;
  needs: string | null;
  note: string | null;
  seeded: boolean;
  lastCheck: { id: string; verdict: string; checkedAt: string } | null;
}

const COLUMNS = `c.id::text, c.slug, c.statement, c.source_name, c.source_url, c.published_on::text, c.series, c.article, c.part,
  c.court, c.level, c.region, c.period_from::text, c.period_to::text, c.expected_unit, c.expected, c.tolerance,
  c.baseline_from::text, c.baseline_to::text, c.needs, c.note, c.seeded,
  (SELECT json_build_object('id', k.id::text, 'verdict', k.verdict,
            'checkedAt', to_char(k.checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
     FROM claim_checks k WHERE k.claim_id = c.id ORDER BY k.checked_at DESC, k.id DESC LIMIT 1) AS last_check`;

/** Claims as data: the seeded published figures and the ones researchers add. */
@Injectable()
export class ClaimsService implements OnApplicationBootstrap {
  constructor(private readonly db: DataSource) {}

  /** Keeps the seeded claims equal to SEED_CLAIMS (by slug); claims added through the API are left alone. */
  async onApplicationBootstrap(): Promise<void> {
    const s = SEED_CLAIMS;
    const col = <K extends keyof (typeof s)[number]>(k: K) => s.map((c) => c[k] ?? null);
    await this.db.query(
      `INSERT INTO claims (slug, statement, source_name, source_url, published_on, series, article, part, period_from, period_to,
                           expected_unit, expected, tolerance, baseline_from, baseline_to, needs, note, seeded)
       SELECT *, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[],
                                  $9::date[], $10::date[], $11::text[], $12::float8[], $13::float8[], $14::date[], $15::date[],
                                  $16::text[], $17::text[])
       ON CONFLICT (slug) DO UPDATE SET statement = EXCLUDED.statement, source_name = EXCLUDED.source_name,
         source_url = EXCLUDED.source_url, published_on = EXCLUDED.published_on, series = EXCLUDED.series,
         article = EXCLUDED.article, part = EXCLUDED.part, period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to,
         expected_unit = EXCLUDED.expected_unit, expected = EXCLUDED.expected, tolerance = EXCLUDED.tolerance,
         baseline_from = EXCLUDED.baseline_from, baseline_to = EXCLUDED.baseline_to, needs = EXCLUDED.needs,
         note = EXCLUDED.note, seeded = true`,
      [col('slug'), col('statement'), col('sourceName'), col('sourceUrl'), col('publishedOn'), col('series'), col('article'),
        col('part'), col('periodFrom'), col('periodTo'), col('expectedUnit'), col('expected'), col('tolerance'),
        col('baselineFrom'), col('baselineTo'), col('needs'), col('note')],
    );
  }

  async list(): Promise<Claim[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM claims c ORDER BY c.period_from, c.id`);
    return rows.map(toClaim);
  }

  async get(id: string): Promise<Claim> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM claims c WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundError('claim', id);
    return toClaim(row);
  }

  async create(c: CreateClaim): Promise<Claim> {
    const [{ id }] = await this.db.query(
      `INSERT INTO claims (statement, source_name, source_url, published_on, series, article, part, court, level, region,
                           period_from, period_to, expected_unit, expected, tolerance, baseline_from, baseline_to, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id::text`,
      [c.statement, c.sourceName ?? null, c.sourceUrl, c.publishedOn ?? null, c.series, c.article, c.part, c.court ?? null,
        c.level ?? null, c.region ?? null, c.periodFrom, c.periodTo, c.expectedUnit, c.expected, c.tolerance,
        c.baselineFrom ?? null, c.baselineTo ?? null, c.note ?? null],
    );
    return this.get(id);
  }
}

type Row = Record<string, unknown>;

function toClaim(r: Row): Claim {
  const opt = (v: unknown) => (v === null ? undefined : (v as string));
  const params: StoredClaimParams = {
    series: r.series as StoredClaimParams['series'],
    article: r.article as string,
    part: r.part as string,
    court: opt(r.court),
    level: opt(r.level) as StoredClaimParams['level'],
    region: opt(r.region),
    periodFrom: r.period_from as string,
    periodTo: r.period_to as string,
    expectedUnit: r.expected_unit as ExpectedUnit,
    expected: r.expected as number,
    tolerance: r.tolerance as number,
    baselineFrom: opt(r.baseline_from),
    baselineTo: opt(r.baseline_to),
  };
  return {
    id: r.id as string,
    slug: r.slug as string | null,
    statement: r.statement as string,
    sourceName: r.source_name as string | null,
    sourceUrl: r.source_url as string,
    publishedOn: r.published_on as string | null,
    params: { ...params, part: partName(params.part) },
    needs: r.needs as string | null,
    note: r.note as string | null,
    seeded: r.seeded as boolean,
    lastCheck: (r.last_check as Claim['lastCheck']) ?? null,
  };
}
