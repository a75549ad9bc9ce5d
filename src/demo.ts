// `npm run demo`: the whole service on this machine against the court-site simulator: migrate, start the
// simulator, crawl it end to end through the real queues, serve the API, print a summary.
import { getQueueToken } from '@nestjs/bullmq';
import { writeFile } from 'node:fs/promises';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { startCourtSimulator, type Behaviour } from '../test/simulator/court-simulator.js';
import { attachNewsSite } from '../test/simulator/news-site.js';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import { parseArgs, UsageError } from './cli/args.js';
import { addDays, parseIsoDate } from './common/iso-week.js';
import { InvalidConfigError, loadEnv } from './config/load-env.js';
import { CrawlProgressService } from './crawling/crawl-progress.service.js';
import { crawlSlot } from './crawling/crawl-slot.js';
import { CrawlService } from './crawling/crawl.service.js';
import { crawlQueues } from './crawling/queue-names.js';
import { embeddedNotice, openBackend } from './database/backend.js';
import { resetDemoDatabase } from './database/reset-demo-database.js';
import { NewsCrawlService } from './news/news-crawl.service.js';
import { NewsProgressService } from './news/news-progress.service.js';
import { newsQueues } from './news/news-queues.js';
import { startService } from './service.js';

const say = (s: string) => process.stderr.write(`${s}\n`);

/** Misbehaving courts in every demo with enough courts, so coverage is seen to work. */
function demoBehaviours(codes: string[]): Record<string, Behaviour> {
  if (codes.length < 6) return {};
  return { [codes[2]]: 'captcha', [codes[3]]: 'blocked', [codes[4]]: 'flaky' };
}

async function main(): Promise<number> {
  const { values, flags } = parseArgs(process.argv.slice(2), {
    values: ['courts', 'seed', 'from', 'to', 'truth', 'port'],
    flags: ['exit-when-done'],
  });
  const nCourts = Number(values.courts ?? 10);
  const seed = Number(values.seed ?? 7);
  const from = values.from ?? '2023-01-01';
  const to = values.to ?? '2023-12-31';
  parseIsoDate(from);
  parseIsoDate(to);
  if (!Number.isInteger(nCourts) || nCourts < 1 || nCourts > 111) throw new UsageError('--courts takes 1 to 111');
  if (!Number.isInteger(seed)) throw new UsageError('--seed takes a whole number');

  // Against the local simulator the crawl need not be polite; these apply unless the environment says otherwise.
  const demoDefaults = {
    CRAWL_MIN_INTERVAL_MS: '20',
    CRAWL_BACKOFF_BASE_MS: '50',
    CRAWL_BACKOFF_MAX_MS: '500',
    CRAWL_TIMEOUT_MS: '15000',
    JOB_BACKOFF_MS: '200',
    FETCH_CONCURRENCY: '32',
  };
  // The backend (its politeness limiter included) is opened with the demo's settings, not production's.
  const base = loadEnv({ ...demoDefaults, ...process.env });
  // The configuration DATABASE_URL and REDIS_URL name; with neither, the embedded database in DATA_DIR.
  const backend = await openBackend(base, { warn: say });
  say(backend.kind === 'embedded' ? embeddedNotice(base.DATA_DIR) : backend.summary);
  await resetDemoDatabase(backend.databaseUrl);

  // Garrison courts first: they try most Art. 337 cases; okrug courts add appeals.
  const courtCodes = [...militaryCourts.filter((c) => c.level === 'garrison'), ...militaryCourts.filter((c) => c.level === 'okrug')]
    .slice(0, nCourts)
    .map((c) => c.code);
  const behaviours = demoBehaviours(courtCodes);
  const sim = await startCourtSimulator({ seed, courts: courtCodes, from, to, now: addDays(to, 90), behaviours });
  const news = attachNewsSite(sim, { seed, from, to });
  say(`simulator: ${courtCodes.length} courts and ten news feeds at ${sim.url} (seed ${seed}, ${from}..${to})`);

  const env = loadEnv({
    ...demoDefaults,
    ...process.env,
    COURT_BASE_URL: `${sim.url}/{code}/`,
    NEWS_BASE_URL: news.baseUrl,
    CRAWL_COURTS: courtCodes.join(','),
    PORT: values.port ?? process.env.PORT ?? '3000',
  });
  const service = await startService(env, { backend, handleSignals: false, logger: ['error', 'warn'], roles: { api: true, worker: true, scheduler: false } });
  for (const name of [...crawlQueues, ...newsQueues]) await service.app.get<Queue>(getQueueToken(name)).obliterate({ force: true });
  // Only the simulated courts are expected, so coverage reads the same when `npm start` serves this data later.
  await service.app.get(DataSource).query(`UPDATE courts SET enabled = (code = ANY($1))`, [courtCodes]);

  const started = Date.now();
  await service.app.get(CrawlService).enqueue(from, to, crawlSlot(new Date(), 'demo'));
  const progress = service.app.get(CrawlProgressService);
  let peakRss = 0;
  await progress.waitUntilIdle(500, (pending) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (process.stderr.isTTY) process.stderr.write(`\r${pending} jobs pending   `);
  });
  // The press second, so its reports have court records to be linked to.
  await service.app.get(NewsCrawlService).enqueue(crawlSlot(new Date(), 'demo'));
  await service.app.get(NewsProgressService).waitUntilIdle(250);
  const summary = await progress.summary();
  const seconds = (Date.now() - started) / 1000;

  if (values.truth) await writeFile(values.truth, JSON.stringify(sim.truth(), null, 1));
  const runs = Object.entries(summary.runs).map(([k, v]) => `${k} ${v}`).join(', ');
  say(`\ncrawled in ${seconds.toFixed(1)} s: ${summary.pages} pages, searches: ${runs}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  say(`API: ${service.url}/api/weekly-counts?series=convicted&article=337`);
  process.stdout.write(
    `${JSON.stringify({ courts: summary.courts, cases: summary.cases, defendants: summary.defendants, weeks: summary.weeks, pages: summary.pages, seconds, peakRssMb: Math.round(peakRss / 2 ** 20) })}\n`,
  );
  if (flags.has('exit-when-done')) {
    await service.close();
    await backend.close();
    await sim.close();
    return 0;
  }
  say('serving; Ctrl-C stops');
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await service.close();
  await backend.close();
  await sim.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError || err instanceof InvalidConfigError || err instanceof RangeError) {
      say(err.message);
      process.exit(2);
    }
    say(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
