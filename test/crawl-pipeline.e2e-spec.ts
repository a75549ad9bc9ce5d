import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import type { Env } from '../src/config/env.schema.js';
import { CrawlProgressService } from '../src/crawling/crawl-progress.service.js';
import { CrawlService } from '../src/crawling/crawl.service.js';
import { weeksBetween } from '../src/common/iso-week.js';
import type { RunningService } from '../src/service.js';
import { startCourtSimulator, type CourtSimulator } from './simulator/court-simulator.js';
import { coveredWeeks, runOutcomes, storedCounts } from './support/crawl-state.js';
import { resetState, sql, startTestService, testBackend, testEnv } from './support/test-service.js';
import { truthDifferences } from './support/truth-compare.js';

const FROM = '2023-01-02';
const TO = '2023-04-30';
const codes = militaryCourts.filter((c) => c.level === 'garrison').slice(0, 7).map((c) => c.code);
const [ok1, ok2, captcha, blocked, flaky, changed, ok3] = codes;
const good = [ok1, ok2, flaky, ok3];

describe(`crawl pipeline against the court-site simulator (${testBackend}: real database, queues, HTTP)`, () => {
  let sim: CourtSimulator;
  let env: Env;
  let service: RunningService;

  const crawl = async (slot: string) => {
    await service.app.get(CrawlService).enqueue(FROM, TO, slot);
    await service.app.get(CrawlProgressService).waitUntilIdle(100);
  };

  beforeAll(async () => {
    sim = await startCourtSimulator({
      seed: 11,
      courts: codes,
      from: FROM,
      to: TO,
      now: '2023-08-01',
      behaviours: { [captcha]: 'captcha', [blocked]: 'blocked', [flaky]: 'flaky', [changed]: 'layout-change' },
    });
    env = testEnv('pipeline', { COURT_BASE_URL: `${sim.url}/{code}/`, CRAWL_COURTS: codes.join(',') });
    await resetState(env);
    service = await startTestService(env, { api: true, worker: true, scheduler: false });
    await crawl('first');
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await sim?.close();
  });

  it('stores exactly the ground truth for every court, week, article, part and series it covered', async () => {
    const covered = await coveredWeeks(env);
    const fullWeeks = weeksBetween(FROM, '2023-04-24');
    for (const court of good) {
      expect([...(covered.get(court) ?? [])].filter((k) => k.endsWith('decided')).length).toBe(fullWeeks.length);
    }
    const truth = sim.truth();
    expect(truth.weekly.filter((r) => good.includes(r.court)).length).toBeGreaterThan(50);
    expect(truthDifferences(truth, await storedCounts(env), covered)).toEqual([]);
  });

  it('ends misbehaving courts with their outcome and no coverage, never with silent zeros', async () => {
    const outcomes = await runOutcomes(env);
    expect(Object.keys(outcomes[captcha])).toEqual(['captcha']);
    expect(Object.keys(outcomes[blocked])).toEqual(['blocked']);
    // A changed layout cannot be read: never 'ok'. (Its honest "nothing found" pages still read as empty.)
    expect(outcomes[changed].unknown).toBeGreaterThan(0);
    expect(outcomes[changed].ok).toBeUndefined();
    expect(Object.keys(outcomes[flaky]).every((o) => o === 'ok' || o === 'empty')).toBe(true);
    const covered = await coveredWeeks(env);
    for (const court of [captcha, blocked, changed]) expect(covered.get(court)).toBeUndefined();
    const [health] = await sql<{ captcha_waiting: boolean }>(env, `SELECT captcha_waiting FROM courts WHERE code = $1`, [captcha]);
    expect(health.captcha_waiting).toBe(true);
    const pages = await sql<{ kind: string; n: number }>(env, `SELECT kind, count(*)::int AS n FROM pages WHERE court_code = $1 GROUP BY kind`, [changed]);
    expect(pages.find((p) => p.kind === 'unknown')?.n).toBeGreaterThan(0); // kept and marked, not dropped
  });

  it('changes nothing when the same period is crawled again', async () => {
    const before = await storedCounts(env);
    const [casesBefore] = await sql<{ n: number; d: number }>(env, `SELECT (SELECT count(*) FROM cases)::int AS n, (SELECT count(*) FROM defendants)::int AS d`);
    await crawl('second');
    expect(await storedCounts(env)).toEqual(before);
    const [casesAfter] = await sql<{ n: number; d: number }>(env, `SELECT (SELECT count(*) FROM cases)::int AS n, (SELECT count(*) FROM defendants)::int AS d`);
    expect(casesAfter).toEqual(casesBefore);
    const [revisits] = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM pages WHERE fetch_count > 1`);
    expect(revisits.n).toBeGreaterThan(0); // same bytes were stored once
  }, 120_000);
});
