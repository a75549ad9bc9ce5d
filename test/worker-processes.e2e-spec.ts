import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import type { Env } from '../src/config/env.schema.js';
import { CrawlProgressService } from '../src/crawling/crawl-progress.service.js';
import { CrawlService } from '../src/crawling/crawl.service.js';
import { crawlQueues } from '../src/crawling/queue-names.js';
import type { RunningService } from '../src/service.js';
import { startCourtSimulator, type CourtSimulator } from './simulator/court-simulator.js';
import { coveredWeeks, storedCounts } from './support/crawl-state.js';
import { pendingJobs, resetState, sql, startTestService, testBackend, testEnv } from './support/test-service.js';
import { truthDifferences } from './support/truth-compare.js';
import { exited, spawnDist, spawnWorker, stopWorker } from './support/worker-process.js';

// On Redis and on Postgres-backed queues: separate worker processes share the queues and the polite limit.
// Embedded, one process has the database and runs every role, so the same guarantees are checked that way:
// that process is killed with SIGKILL mid-crawl and started again on its folder; and the polite interval
// holds between the concurrent fetch workers of one process.
const embedded = testBackend === 'embedded';
const FROM = '2023-01-02';
const TO = '2023-06-25';
const codes = militaryCourts.filter((c) => c.level === 'garrison').slice(10, 14).map((c) => c.code);
const none = { api: false, worker: false, scheduler: false };

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pageCount = async (env: Env) => (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM pages`))[0].n;

describe(`worker processes (${testBackend}: ${embedded ? 'one process, killed and restarted' : 'real processes on shared queues'})`, () => {
  let sim: CourtSimulator;
  let env: Env;
  let control: RunningService | null = null; // enqueues and watches; runs no workers itself
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sim = await startCourtSimulator({ seed: 5, courts: codes, from: FROM, to: TO, now: '2023-09-01', latencyMs: { min: 15, max: 30 } }); // slow enough for fetches of different courts to overlap
    env = testEnv('workers', {
      COURT_BASE_URL: `${sim.url}/{code}/`,
      CRAWL_COURTS: codes.join(','),
      CRAWL_MIN_INTERVAL_MS: '40',
      CRAWL_TIMEOUT_MS: '2000',
      JOB_LOCK_MS: '2000',
    });
    await resetState(env);
    // Embedded, the children own the folder first; the control process opens it once they are gone.
    if (!embedded) control = await startTestService(env, none);
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) await stopWorker(c);
    await control?.close();
    await sim?.close();
  });

  /** Kills a process crawling the period with SIGKILL once 40 pages are stored, and lets a new one finish. */
  async function crawlKillAndResume(): Promise<void> {
    if (!embedded) {
      const first = spawnWorker(env);
      children.push(first);
      await control!.app.get(CrawlService).enqueue(FROM, TO, 'kill');
      await until(async () => (await pageCount(env)) > 40, 60_000);
      first.kill('SIGKILL');
      await exited(first);
      const second = spawnWorker(env);
      children.push(second);
      await control!.app.get(CrawlProgressService).waitUntilIdle(200);
      await stopWorker(second);
      return;
    }
    // `cli crawl` plans the period, enqueues it and works through it, all in the one process.
    const first = spawnDist(env, 'cli.js', ['crawl', '--from', FROM, '--to', TO]);
    children.push(first);
    await until(async () => (await pageCount(env)) > 40, 120_000);
    first.kill('SIGKILL');
    await exited(first);
    // The service started again on the same folder: Postgres recovers, BullMQ takes back the stalled jobs.
    const second = spawnDist(env, 'main.js', [], { ROLE: 'all' });
    children.push(second);
    let idle = 0;
    await until(async () => {
      idle = (await pendingJobs(env, crawlQueues)) === 0 ? idle + 1 : 0;
      return idle >= 2;
    }, 150_000);
    await stopWorker(second);
    control = await startTestService(env, none); // the data survived a SIGKILL and a clean restart
  }

  it('recovers from a worker killed with SIGKILL mid-crawl: same counts as the truth, no duplicates', async () => {
    await crawlKillAndResume();

    const dupes = await sql(env, `SELECT court_code, case_number FROM cases GROUP BY 1, 2, instance HAVING count(*) > 1`);
    expect(dupes).toEqual([]);
    const covered = await coveredWeeks(env);
    for (const code of codes) expect(covered.get(code)?.size).toBeGreaterThan(40);
    expect(truthDifferences(sim.truth(), await storedCounts(env), covered)).toEqual([]);
    const [running] = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM crawl_runs WHERE outcome = 'running'`);
    expect(running.n).toBe(0);
  }, 300_000);

  it(`keeps the polite interval per court ${embedded ? 'between the concurrent fetch workers of one process' : 'across two worker processes'}`, async () => {
    const a = embedded ? null : spawnWorker(env);
    const b = embedded ? null : spawnWorker(env);
    if (a && b) children.push(a, b);
    if (embedded) {
      await control!.close();
      control = await startTestService(env, { api: false, worker: true, scheduler: false });
    }
    const since = performance.timeOrigin + performance.now(); // the simulator's clock
    await control!.app.get(CrawlService).enqueue(FROM, '2023-02-26', 'polite');
    await control!.app.get(CrawlProgressService).waitUntilIdle(200);
    if (a && b) await Promise.all([stopWorker(a), stopWorker(b)]);

    const requests = sim.requests.filter((r) => r.startedAt >= since && r.court);
    expect(requests.length).toBeGreaterThanOrEqual(codes.length * 10); // 10 searches per court at least
    for (const code of codes) {
      const mine = requests.filter((r) => r.court === code).sort((x, y) => x.startedAt - y.startedAt);
      for (let i = 1; i < mine.length; i++) {
        // One request at a time per court, and 40 ms of rest between (a few ms of timer slack allowed).
        expect(mine[i].startedAt - mine[i - 1].endedAt).toBeGreaterThanOrEqual(35);
      }
    }
    // Different courts were fetched in parallel.
    const overlapping = requests.some((r, i) => requests.some((s, j) => i !== j && r.court !== s.court && s.startedAt < r.endedAt && s.endedAt > r.startedAt));
    expect(overlapping).toBe(true);
  }, 180_000);
});
