// Seeds cases, charges, defendants and crawl coverage by SQL, then fills weekly_counts with the real
// WeeklyCountsUpdater: a small, hand-countable data set for the trend API and CSV e2e tests.
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WeeklyCountsUpdater } from '../../src/trends/weekly-counts.updater.js';

export interface SeedCase {
  court: string;
  number: string;
  instance?: 'first' | 'appeal';
  received?: string | null;
  decided?: string | null;
  outcome?: string | null;
  result?: string | null;
  judge?: string | null;
  /** Each defendant: name and charges as `337.5` (article 337, part 5) or `337` (no part). */
  defendants: { name: string; charges: string[] }[];
}

export interface SeedCoverage {
  court: string;
  dateField: 'received' | 'decided';
  article: string;
  weeks: string[];
}

function charge(c: string): { article: string; part: string | null; point: null } {
  const [article, ...part] = c.split('.');
  return { article, part: part.length ? part.join('.') : null, point: null };
}

export async function resetTrendTables(db: DataSource): Promise<void> {
  await db.query(`TRUNCATE weekly_counts, case_charges, defendants, cases, court_week_coverage, claim_checks RESTART IDENTITY CASCADE`);
  await db.query(`DELETE FROM claims WHERE NOT seeded`); // seeded claims stay: the service keeps them on start-up
}

export async function seedTrendData(app: INestApplication, cases: SeedCase[], coverage: SeedCoverage[]): Promise<void> {
  const db = app.get(DataSource);
  for (const c of cases) {
    const [{ id }] = await db.query(
      `INSERT INTO cases (court_code, case_number, instance, received_on, decided_on, result, outcome, judge, card_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [c.court, c.number, c.instance ?? 'first', c.received ?? null, c.decided ?? null, c.result ?? null, c.outcome ?? null,
        c.judge ?? null, `https://example.test/${c.court}/${encodeURIComponent(c.number)}`],
    );
    for (const [i, d] of c.defendants.entries()) {
      await db.query(
        `INSERT INTO defendants (case_id, position, name, articles, outcome, decided_on) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, i, d.name, JSON.stringify(d.charges.map(charge)), c.outcome ?? null, c.decided ?? null],
      );
    }
    await db.query(
      `INSERT INTO case_charges (case_id, article, part)
       SELECT DISTINCT $1::bigint, a->>'article', COALESCE(a->>'part', '') FROM defendants d, jsonb_array_elements(d.articles) a
        WHERE d.case_id = $1 ON CONFLICT DO NOTHING`,
      [id],
    );
  }
  for (const cv of coverage) {
    await db.query(
      `INSERT INTO court_week_coverage (court_code, week, date_field, article, outcome, run_id, crawled_at)
       SELECT $1, w::date, $2, $3, 'ok', 'seed', now() FROM unnest($4::date[]) w ON CONFLICT DO NOTHING`,
      [cv.court, cv.dateField, cv.article, cv.weeks],
    );
  }
  const updater = app.get(WeeklyCountsUpdater);
  for (const court of new Set(cases.map((c) => c.court))) await updater.refreshCourt(court);
}

/** A small strict RFC 4180 reader: quoted fields, doubled quotes, CRLF record ends, line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // record end handled at \n
    } else if (ch === '\n') {
      if (text[i - 1] !== '\r') throw new Error(`record ${rows.length + 1} ends in a bare LF, not CRLF`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * `perWeek` convicted Art. 337 part 5 cases in each week, spread over `courts` and the week's weekdays:
 * bulk SQL, for claim checks that need realistic volumes.
 */
export async function seedConvictedWeeks(app: INestApplication, courts: string[], weeks: string[], perWeek: number): Promise<void> {
  const db = app.get(DataSource);
  await db.query(
    `WITH made AS (
       INSERT INTO cases (court_code, case_number, instance, received_on, decided_on, result, outcome)
       SELECT ($1::text[])[1 + g % cardinality($1::text[])], 'W-' || w::text || '-' || g, 'first',
              w::date + (g % 5) - 30, w::date + (g % 5), 'Вынесен ПРИГОВОР', 'conviction'
         FROM unnest($2::date[]) w, generate_series(1, $3::int) g
       RETURNING id, decided_on
     ), d AS (
       INSERT INTO defendants (case_id, position, name, articles, result, outcome, decided_on)
       SELECT id, 0, 'Обвиняемый ' || id, '[{"article":"337","part":"5","point":null}]', 'Вынесен ПРИГОВОР', 'conviction', decided_on
         FROM made
     )
     INSERT INTO case_charges (case_id, article, part) SELECT id, '337', '5' FROM made`,
    [courts, weeks, perWeek],
  );
  const updater = app.get(WeeklyCountsUpdater);
  for (const court of courts) await updater.refreshCourt(court);
}
