// `npm run bench:trends`: the trend API and the cases CSV on 5 million cases (111 courts, four years).
//   1. Seeds a scratch database (vw_bench_trends) with SQL only: cases, charges, defendants, coverage,
//      then weekly_counts in one INSERT … SELECT (BENCH_REUSE=1 keeps a complete earlier seed).
//   2. Runs the API in a child process (this file with --serve), so its memory is measured alone; the child
//      collects its start-up garbage (gc on request) before the download whose peak RSS is measured.
//   3. Rows per second of GET /api/cases.csv (~1 million rows) against COPY (same query) TO STDOUT WITH CSV,
//      and the server's peak RSS during the download; then p95 of GET /api/weekly-counts?article=337&from&to
//      (one year)&groupBy=court against the same SQL (the endpoint's one statement) run directly.
// Last line: one JSON object with p95Ms, baselineP95Ms, ratio, csvRowsPerSecond, copyRowsPerSecond,
// csvRatio and csvPeakRssMb (targets: p95 < 50 ms, ratio ≤ 2, csvRatio ≥ 0.5, peak RSS < 200 MB).
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import { loadEnv } from '../src/config/load-env.js';
import { casesCsvQuery } from '../src/exports/cases-csv.query.js';
import { EXPORT_SESSION } from '../src/exports/export-pool.js';
import { inlineParams } from '../src/exports/inline-params.js';
import { weeklyCountsCompactSql } from '../src/trends/weekly-counts-compact.sql.js';
import { casesCsvQuerySchema } from '../src/verdicts/cases-query.schema.js';
import { weeklyCountsQuerySchema } from '../src/trends/weekly-counts-query.schema.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vw_bench_trends';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CASES = Number(process.env.BENCH_CASES ?? 5_000_000);
const SEED_VERSION = `v1:${CASES}`;
const FIRST_DAY = '2022-01-03'; // a Monday; 1456 days = 208 ISO weeks, four years
const DAYS = 1456;
const KEY = 'bench-reader-key';
const WEEKLY = { article: '337', from: '2024-01-01', to: '2024-12-29', groupBy: 'court' };
const CSV = { dateField: 'decided', from: '2024-01-01', to: '2024-11-01' };
const RUNS = 200;
const say = (s: string) => process.stderr.write(`${s}\n`);

function serverEnv() {
  return loadEnv({
    DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX: 'btrends',
    PORT: '0',
    LOG_LEVEL: 'error',
    API_KEYS: `${KEY}:reader`,
    PUBLICATION_LAG_WEEKS: '4',
  });
}

/** Child mode: the API alone, reporting its URL to the parent. */
async function serve(): Promise<void> {
  const { startService } = await import('../src/service.js');
  const svc = await startService(serverEnv(), { roles: { api: true, worker: false, scheduler: false }, logger: ['error'] });
  process.send!({ url: svc.url });
  // Instrumentation only: settle the heap before a measurement, so start-up garbage is not counted in it.
  process.on('message', (m: { gc?: boolean }) => {
    if (m.gc) {
      global.gc?.();
      process.send!({ gcDone: true });
    }
  });
  process.on('disconnect', () => void svc.close().finally(() => process.exit(0)));
}

async function seed(db: pg.Client): Promise<number> {
  const [{ done }] = (await db.query(`SELECT to_regclass('bench_meta') IS NOT NULL AS done`)).rows;
  if (done && process.env.BENCH_REUSE === '1') {
    const { rows } = await db.query(`SELECT version FROM bench_meta`);
    if (rows[0]?.version === SEED_VERSION) return 0;
  }
  const started = performance.now();
  say(`seeding ${CASES.toLocaleString('en')} cases…`);
  await db.query(`SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'`);
  await db.query(`DROP TABLE IF EXISTS bench_meta`);
  await db.query(`TRUNCATE weekly_counts, case_charges, defendants, cases, court_week_coverage RESTART IDENTITY CASCADE`);
  // Secondary indexes are built after the load: much faster than maintaining them row by row.
  await db.query(`ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_court_code_case_number_instance_key`);
  await db.query(`DROP INDEX IF EXISTS cases_decided_idx, cases_received_idx, case_charges_article_idx`);
  await db.query(`SET session_replication_role = replica`); // no per-row foreign-key triggers during the load
  const codes = militaryCourts.map((c) => c.code).sort();
  const step = async (label: string, sql: string, values: unknown[] = []) => {
    const t = performance.now();
    await db.query(sql, values);
    say(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await step(
    'cases',
    `INSERT INTO cases (id, court_code, case_number, instance, received_on, decided_on, result, outcome, judge, card_url)
     SELECT g, ($1::text[])[(1 + (g::bigint * 7919) % 111)::int], '1-' || g || '/B', 'first', r, d,
            CASE WHEN d IS NULL THEN NULL WHEN g % 10 < 8 THEN 'Вынесен ПРИГОВОР' WHEN g % 10 = 8 THEN 'Уголовное дело ПРЕКРАЩЕНО'
                 ELSE 'Возвращено прокурору' END,
            CASE WHEN d IS NULL THEN NULL WHEN g % 10 < 8 THEN 'conviction' WHEN g % 10 = 8 THEN 'terminated' ELSE 'returned' END,
            'Судья ' || (g % 499), 'https://bench.test/case/' || g
       FROM generate_series(1, $2::int) g,
            LATERAL (SELECT $3::date + ((g::bigint * 104729) % $4::int)::int AS r) rr,
            LATERAL (SELECT CASE WHEN g % 20 = 0 THEN NULL ELSE r + 14 + (g % 60) END AS d) dd`,
    [codes, CASES, FIRST_DAY, DAYS],
  );
  await step(
    'case_charges',
    `INSERT INTO case_charges (case_id, article, part)
     SELECT g, '337', (ARRAY['5', '2.1', '3.1', '1'])[1 + g % 4] FROM generate_series(1, $1::int) g
     UNION ALL
     SELECT g, CASE WHEN g % 3 = 0 THEN '338' ELSE '337' END, CASE WHEN g % 3 = 0 THEN '1' ELSE '' END
       FROM generate_series(1, $1::int) g WHERE g % 10 = 3`,
    [CASES],
  );
  await step(
    'defendants',
    `INSERT INTO defendants (case_id, position, name, articles, result, outcome, decided_on)
     SELECT c.id, 0, 'Фамилия' || c.id || ' Имя Отчество',
            (ARRAY['[{"article":"337","part":"5","point":null}]'::jsonb, '[{"article":"337","part":"2.1","point":null}]'::jsonb,
                   '[{"article":"337","part":"3.1","point":null}]'::jsonb, '[{"article":"337","part":"1","point":null}]'::jsonb])[1 + c.id % 4],
            c.result, c.outcome, c.decided_on
       FROM cases c`,
  );
  await step(
    'court_week_coverage',
    `INSERT INTO court_week_coverage (court_code, week, date_field, article, outcome, run_id, crawled_at)
     SELECT code, w::date, f, '337', 'ok', 'bench', now()
       FROM unnest($1::text[]) WITH ORDINALITY AS c(code, i), generate_series($2::date, $2::date + ($3::int - 7), '7 days') w,
            unnest(ARRAY['received', 'decided']) f
      WHERE (i + extract(week FROM w)::int) % 17 <> 0`,
    [codes, FIRST_DAY, DAYS],
  );
  await db.query(`SET session_replication_role = origin`);
  await step('indexes', `ALTER TABLE cases ADD CONSTRAINT cases_court_code_case_number_instance_key UNIQUE (court_code, case_number, instance);
     CREATE INDEX cases_decided_idx ON cases (decided_on); CREATE INDEX cases_received_idx ON cases (received_on);
     CREATE INDEX case_charges_article_idx ON case_charges (article, part)`);
  await db.query(`SELECT setval('cases_id_seq', $1)`, [CASES]);
  // As WeeklyCountsUpdater counts, for every court at once: a case once per (article, part) it charges and
  // once per article as a whole ('*'), in each of the three series; one pass over the charges, merged with
  // the cases in id order (both tables were loaded in that order), not hashed.
  await db.query(`SET enable_hashjoin = off`);
  await step(
    'weekly_counts',
    `INSERT INTO weekly_counts (week, series, court_code, article, part, count)
     SELECT s.day - ((s.day - DATE '1970-01-05') % 7), s.series, c.court_code, k.article, k.part, count(*)
       FROM (SELECT case_id, article, part FROM case_charges
             UNION ALL
             SELECT case_id, article, '*' FROM case_charges GROUP BY case_id, article) k
       JOIN cases c ON c.id = k.case_id
      CROSS JOIN LATERAL (VALUES ('received', c.received_on), ('decided', c.decided_on),
                                 ('convicted', CASE WHEN c.outcome = 'conviction' THEN c.decided_on END)) s(series, day)
      WHERE c.instance = 'first' AND s.day IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5`,
  );
  await db.query(`RESET enable_hashjoin`);
  await step('analyze', `VACUUM ANALYZE cases, case_charges, defendants, weekly_counts, court_week_coverage`);
  // A concurrent autovacuum's snapshot can keep VACUUM from marking the newest pages all-visible, and the trend
  // query reads weekly_counts and coverage by index-only scans: vacuum those again until they are.
  for (let i = 0; i < 10; i++) {
    const { rows } = await db.query(
      `SELECT relname FROM pg_class WHERE relname IN ('weekly_counts', 'court_week_coverage') AND relallvisible < relpages`,
    );
    if (!rows.length) break;
    await new Promise((r) => setTimeout(r, 1000));
    await db.query(`VACUUM ${rows.map((r) => r.relname).join(', ')}`);
  }
  await db.query(`CREATE TABLE bench_meta (version text); INSERT INTO bench_meta VALUES ('${SEED_VERSION}')`);
  return (performance.now() - started) / 1000;
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; lines: number; body?: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      let lines = 0;
      const keep: Buffer[] = [];
      const small = !(res.headers['content-type'] ?? '').startsWith('text/csv');
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (small) keep.push(c);
        else for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines++;
      });
      res.on('end', () => resolve({ status: res.statusCode!, bytes, lines, body: small ? Buffer.concat(keep).toString() : undefined }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * p) - 1];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Peak RSS of a process since the last reset (Linux VmHWM, reset through clear_refs). */
const peakRss = {
  reset(pid: number) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      /* older kernels: VmHWM then covers the process's whole life, an upper bound */
    }
  },
  mb(pid: number): number {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? Number(hwm[1]) / 1024 : NaN;
  },
};

async function main(): Promise<void> {
  const { migrate } = await import('../src/service.js');
  await migrate(DATABASE_URL);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const started = performance.now();
  const child: ChildProcess = fork(process.argv[1], ['--serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, '--expose-gc'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: { url: string }) => resolve(m.url));
      child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
    });
    const seedSeconds = await seed(db);

    // 1. Cases CSV of about a million rows: the download against COPY of the same query. First, so the server's
    //    peak RSS measures the download on a server that has not yet built up garbage from other requests.
    await db.query(EXPORT_SESSION); // the export connection's settings, so COPY runs exactly as the download does
    const csvQuery = inlineParams(casesCsvQuery(casesCsvQuerySchema.parse(CSV), { role: 'reader' }));
    let t = performance.now();
    const copy = db.query(pgCopy.to(`COPY (${csvQuery}) TO STDOUT WITH (FORMAT csv)`));
    let copyRows = 0;
    await new Promise<void>((resolve, reject) => {
      copy.on('data', (c: Buffer) => {
        for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) copyRows++;
      });
      copy.on('end', resolve);
      copy.on('error', reject);
    });
    const copySeconds = (performance.now() - t) / 1000;
    await new Promise((resolve) => {
      child.once('message', resolve);
      child.send({ gc: true });
    });
    peakRss.reset(child.pid!);
    const idleRssMb = peakRss.mb(child.pid!);
    t = performance.now();
    const csv = await get(`${url}/api/cases.csv?${new URLSearchParams(CSV)}`, { 'x-api-key': KEY });
    const csvSeconds = (performance.now() - t) / 1000;
    if (csv.status !== 200) throw new Error(`cases.csv answered ${csv.status}`);
    const csvRows = csv.lines - 1; // less the header
    const csvPeakRssMb = peakRss.mb(child.pid!);
    say(`cases.csv: ${csvRows} rows, ${(csv.bytes / 2 ** 20).toFixed(0)} MB in ${csvSeconds.toFixed(1)} s; COPY ${copyRows} rows in ${copySeconds.toFixed(1)} s`);
    if (csvRows !== copyRows) throw new Error(`the CSV has ${csvRows} rows, COPY ${copyRows}`);

    // 2. Weekly counts by court over one year: the API against the same SQL run directly.
    await db.query('RESET ALL'); // default session settings, as the API's connections have
    const env = serverEnv();
    const qs = new URLSearchParams(WEEKLY).toString();
    const direct = weeklyCountsCompactSql(weeklyCountsQuerySchema.parse(WEEKLY), {
      crawlCourts: env.CRAWL_COURTS,
      today: new Date().toISOString().slice(0, 10),
      publicationLagWeeks: env.PUBLICATION_LAG_WEEKS,
    });
    const first = await get(`${url}/api/weekly-counts?${qs}`);
    if (first.status !== 200) throw new Error(`weekly-counts answered ${first.status}: ${first.body}`);
    const weeklyRows = JSON.parse(first.body!).rows.length;
    const api: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < RUNS + 20; i++) {
      let t = performance.now();
      await get(`${url}/api/weekly-counts?${qs}`);
      if (i >= 20) api.push(performance.now() - t);
      t = performance.now();
      await db.query(direct.text, direct.values);
      if (i >= 20) sql.push(performance.now() - t);
    }
    const p95Ms = pct(api, 0.95);
    const baselineP95Ms = pct(sql, 0.95);
    say(`weekly-counts: ${weeklyRows} rows, p50 ${pct(api, 0.5).toFixed(1)} ms, p95 ${p95Ms.toFixed(1)} ms ` +
      `(SQL p50 ${pct(sql, 0.5).toFixed(1)} ms, p95 ${baselineP95Ms.toFixed(1)} ms)`);

    const csvRowsPerSecond = csvRows / csvSeconds;
    const copyRowsPerSecond = copyRows / copySeconds;
    const result = {
      name: 'trends',
      cases: CASES,
      seedSeconds: round(seedSeconds, 1),
      weeklyRows,
      p95Ms: round(p95Ms),
      baselineP95Ms: round(baselineP95Ms),
      ratio: round(p95Ms / baselineP95Ms),
      csvRows,
      csvRowsPerSecond: Math.round(csvRowsPerSecond),
      copyRowsPerSecond: Math.round(copyRowsPerSecond),
      csvRatio: round(csvRowsPerSecond / copyRowsPerSecond),
      csvIdleRssMb: round(idleRssMb, 0),
      csvPeakRssMb: round(csvPeakRssMb, 0),
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    child.disconnect?.();
    await db.end();
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
