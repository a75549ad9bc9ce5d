// `npm run bench:crawl`: a full simulated crawl (default 111 courts over three years) through real queues,
// with the work done by a separate worker process whose resident memory is sampled. Last line: one JSON object.
import { readFileSync } from 'node:fs';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import { loadEnv } from '../src/config/load-env.js';
import { CrawlProgressService } from '../src/crawling/crawl-progress.service.js';
import { CrawlService } from '../src/crawling/crawl.service.js';
import { resetDemoDatabase } from '../src/database/reset-demo-database.js';
import { startService } from '../src/service.js';
import { startCourtSimulator } from '../test/simulator/court-simulator.js';
import { spawnWorker, stopWorker } from '../test/support/worker-process.js';

const COURTS = Number(process.env.BENCH_COURTS ?? 111);
const FROM = process.env.BENCH_FROM ?? '2022-09-05';
const TO = process.env.BENCH_TO ?? '2025-08-31';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vw_bench_crawl';

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
};

async function main() {
  const codes = militaryCourts.filter((c) => c.level === 'garrison' || c.level === 'okrug').slice(0, COURTS).map((c) => c.code);
  await resetDemoDatabase(DATABASE_URL);
  const sim = await startCourtSimulator({ seed: 3, courts: codes, from: FROM, to: TO, latencyMs: 0 });
  const env = loadEnv({
    ...process.env,
    DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: 'bench-crawl',
    COURT_BASE_URL: `${sim.url}/{code}/`,
    CRAWL_COURTS: codes.join(','),
    CRAWL_MIN_INTERVAL_MS: '0',
    CRAWL_FETCH_CARDS: process.env.CRAWL_FETCH_CARDS ?? 'true',
    LOG_LEVEL: 'error',
  });
  const control = await startService(env, { logger: ['error'], roles: { api: false, worker: false, scheduler: false } });
  const worker = spawnWorker(env, process.env.BENCH_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS } : {});
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(worker.pid!))), 250);
  const started = performance.now();
  await control.app.get(CrawlService).enqueue(FROM, TO, `bench-${Date.now()}`);
  const progress = control.app.get(CrawlProgressService);
  let last = 0;
  await progress.waitUntilIdle(1000, (pending) => {
    if (Date.now() - last > 15_000) {
      last = Date.now();
      process.stderr.write(`${pending} jobs pending, worker RSS ${rssMb(worker.pid!).toFixed(0)} MB\n`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const summary = await progress.summary();
  await stopWorker(worker);
  await control.close();
  await sim.close();
  console.log(`${COURTS} courts, ${FROM}..${TO}: ${summary.pages} pages, ${summary.cases} cases in ${seconds.toFixed(0)} s`);
  console.log(
    JSON.stringify({
      name: 'crawl-full',
      courts: COURTS,
      from: FROM,
      to: TO,
      pages: summary.pages,
      cases: summary.cases,
      seconds: Math.round(seconds),
      pagesPerSecond: +(summary.pages / seconds).toFixed(1),
      workerPeakRssMb: Math.round(peak),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
