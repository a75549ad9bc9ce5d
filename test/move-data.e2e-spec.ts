import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadEnv } from '../src/config/load-env.js';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { MoveDataError, moveData } from '../src/database/move-data.js';
import { startService } from '../src/service.js';

// The documented way off the embedded database (docs/deployment.md): its data copied into a new database on
// the local Postgres server, every row, the sequences continuing, and a second move refused.
const TARGET = 'postgres://postgres@127.0.0.1:5432/vw_test_move_data';

const query = async <T = Record<string, unknown>>(url: string, text: string): Promise<T[]> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
};

// What must come across unchanged: row counts, and a digest of every byte of the tables that matter.
const FINGERPRINT = `
  SELECT (SELECT count(*)::int FROM courts) AS courts, (SELECT count(*)::int FROM pages) AS pages,
         (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM defendants) AS defendants,
         (SELECT md5(string_agg(id || ':' || md5(body_gzip) || ':' || headers::text || ':' || last_fetched_at::text, ',' ORDER BY id)) FROM pages) AS pages_md5,
         (SELECT md5(string_agg(c::text, ',' ORDER BY c.id)) FROM cases c) AS cases_md5,
         (SELECT md5(string_agg(d::text, ',' ORDER BY d.case_id, d.position)) FROM defendants d) AS defendants_md5`;

describe('moving the embedded database to a Postgres server', () => {
  let dir: string;
  let before: Record<string, unknown>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vw-move-'));
    // The service itself makes the embedded database (migrations, courts); then some crawl-like data.
    const service = await startService(loadEnv({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error' }), {
      logger: ['error'],
      roles: { api: false, worker: false, scheduler: false },
      handleSignals: false,
    });
    const url = service.backend.databaseUrl;
    await query(
      url,
      `INSERT INTO pages (url, court_code, status, headers, sha256, body_gzip, size, first_fetched_at, last_fetched_at)
       SELECT 'https://court/' || i, (SELECT min(code) FROM courts), 200, jsonb_build_object('n', i), sha256(i::text::bytea),
              decode(repeat(md5(i::text), 1 + i % 50), 'hex'), 16 * (1 + i % 50), now() - i * interval '1 minute', now()
         FROM generate_series(1, 4500) i;
       INSERT INTO cases (court_code, case_number, instance, received_on, decided_on, outcome, page_id)
       SELECT (SELECT min(code) FROM courts), '1-' || i || '/2023', 'first', date '2023-01-02' + i % 300, date '2023-02-01' + i % 300,
              CASE WHEN i % 3 = 0 THEN 'conviction' END, i
         FROM generate_series(1, 2500) i;
       INSERT INTO defendants (case_id, position, name, articles)
       SELECT id, p, 'Defendant ' || id || '-' || p, '[{"article":"337","part":"5"}]' FROM cases, generate_series(0, 1) p`,
    );
    before = (await query(url, FINGERPRINT))[0];
    await service.close();
    await query('postgres://postgres@127.0.0.1:5432/postgres', `DROP DATABASE IF EXISTS vw_test_move_data`);
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('copies every row into a new database, and ids go on from there', async () => {
    const embedded = await EmbeddedPostgres.start({ dataDir: dir });
    try {
      const result = await moveData(embedded.url, TARGET);
      expect(result.tables.pages).toBe(4500); // three keyset chunks of at most 2000 rows
      expect(result.tables.defendants).toBe(5000);
      expect(result.queuedJobs).toBe(0);
    } finally {
      await embedded.close();
    }
    expect((await query(TARGET, FINGERPRINT))[0]).toEqual(before);
    const [next] = await query<{ id: string }>(
      TARGET,
      `INSERT INTO pages (url, status, headers, sha256, body_gzip, size, first_fetched_at, last_fetched_at)
       VALUES ('https://court/new', 200, '{}', '\\x00', '\\x00', 1, now(), now()) RETURNING id`,
    );
    expect(Number(next.id)).toBe(4501);
  }, 120_000);

  it('refuses a target that already holds data', async () => {
    const embedded = await EmbeddedPostgres.start({ dataDir: dir });
    try {
      await expect(moveData(embedded.url, TARGET)).rejects.toThrow(MoveDataError);
    } finally {
      await embedded.close();
    }
  }, 60_000);
});
