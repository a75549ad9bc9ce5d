// `npm run bench:queues`: jobs per second of the crawl pipeline (crawl → fetch → parse jobs through the real
// queues, pages stored, cases counted) on each configuration, measured in one run on the same simulated crawl:
//   embedded  PGlite in a fresh temporary folder, BullMQ on its Postgres backend in it;
//   postgres  BENCH_DATABASE_URL's server (default local, scratch database vw_bench_queues_pg), no Redis;
//   redis     the same server (scratch database vw_bench_queues) and REDIS_URL (default local).
// One in-process service with the worker role per configuration; the simulator answers at once and the polite
// interval is 0, so the figure is what the queues and the database sustain, not what court sites allow.
// Size: BENCH_COURTS (default 12) garrison courts over BENCH_FROM..BENCH_TO (default half a year).
// Last line: one JSON object, {"embedded": jobs/s, "postgres": jobs/s, "redis": jobs/s, …}.
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import { loadEnv } from '../src/config/load-env.js';
import { CrawlProgressService } from '../src/crawling/crawl-progress.service.js';
import { CrawlService } from '../src/crawling/crawl.service.js';
import { crawlQueues } from '../src/crawling/queue-names.js';
import { openBackend, type BackendKind } from '../src/database/backend.js';
import { resetDemoDatabase } from '../src/database/reset-demo-database.js';
import { startService } from '../src/service.js';
import { startCourtSimulator, type CourtSimulator } from '../test/simulator/court-simulator.js';

const COURTS = Number(process.env.BENCH_COURTS ?? 12);
const FROM = process.env.BENCH_FROM ?? '2023-01-02';
const TO = process.env.BENCH_TO ?? '2023-06-25';
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vw_bench_queues';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const say = (s: string) => process.stderr.write(`${s}\n`);

interface Result {
  jobs: number;
  seconds: number;
  jobsPerSecond: number;
  pages: number;
  cases: number;
}

async function run(kind: BackendKind, sim: CourtSimulator, codes: string[]): Promise<Result> {
  const scratch = kind === 'embedded' ? await mkdtemp(join(tmpdir(), 'vw-bench-queues-')) : null;
  const backendVars =
    kind === 'embedded'
      ? { DATA_DIR: scratch! }
      : kind === 'postgres'
        ? { DATABASE_URL: `${SERVER}_pg` }
        : { DATABASE_URL: SERVER, REDIS_URL, QUEUE_PREFIX: `bench-queues-${process.pid}` };
  const env = loadEnv({
    ...backendVars,
    COURT_BASE_URL: `${sim.url}/{code}/`,
    CRAWL_COURTS: codes.join(','),
    CRAWL_MIN_INTERVAL_MS: '0',
    CRAWL_TIMEOUT_MS: '15000',
    CRAWL_BACKOFF_BASE_MS: '20',
    CRAWL_BACKOFF_MAX_MS: '200',
    JOB_BACKOFF_MS: '100',
    LOG_LEVEL: 'error',
  });
  const backend = await openBackend(env);
  try {
    await resetDemoDatabase(backend.databaseUrl);
    const service = await startService(env, { backend, handleSignals: false, logger: ['error'], roles: { api: false, worker: true, scheduler: false } });
    try {
      const queues = crawlQueues.map((name) => service.app.get<Queue>(getQueueToken(name)));
      for (const q of queues) await q.obliterate({ force: true });
      const started = performance.now();
      await service.app.get(CrawlService).enqueue(FROM, TO, `bench-${Date.now()}`);
      const progress = service.app.get(CrawlProgressService);
      await progress.waitUntilIdle(50);
      const seconds = (performance.now() - started) / 1000;
      let jobs = 0;
      for (const q of queues) {
        const c = await q.getJobCounts('completed', 'failed');
        jobs += c.completed + c.failed;
      }
      const summary = await progress.summary();
      return { jobs, seconds, jobsPerSecond: Math.round((jobs / seconds) * 10) / 10, pages: summary.pages, cases: summary.cases };
    } finally {
      await service.close();
    }
  } finally {
    await backend.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const codes = militaryCourts.filter((c) => c.level === 'garrison').slice(0, COURTS).map((c) => c.code);
  const sim = await startCourtSimulator({ seed: 4, courts: codes, from: FROM, to: TO, now: '2023-12-01', latencyMs: 0 });
  const results: Partial<Record<BackendKind, Result>> = {};
  try {
    for (const kind of ['embedded', 'postgres', 'redis'] as const) {
      const r = await run(kind, sim, codes);
      results[kind] = r;
      say(`${kind}: ${r.jobs} jobs in ${r.seconds.toFixed(1)} s = ${r.jobsPerSecond} jobs/s (${r.pages} pages, ${r.cases} cases)`);
    }
  } finally {
    await sim.close();
  }
  const cases = new Set(Object.values(results).map((r) => r.cases));
  if (cases.size !== 1) throw new Error(`the configurations stored different numbers of cases: ${[...cases].join(', ')}`);
  console.log(
    JSON.stringify({
      embedded: results.embedded!.jobsPerSecond,
      postgres: results.postgres!.jobsPerSecond,
      redis: results.redis!.jobsPerSecond,
      unit: 'jobs/s',
      jobs: results.redis!.jobs,
      courts: COURTS,
      from: FROM,
      to: TO,
    }),
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    say(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
