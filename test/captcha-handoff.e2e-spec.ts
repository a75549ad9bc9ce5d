import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import type { Env } from '../src/config/env.schema.js';
import { CrawlProgressService } from '../src/crawling/crawl-progress.service.js';
import { CrawlService } from '../src/crawling/crawl.service.js';
import type { RunningService } from '../src/service.js';
import { startCourtSimulator, type CourtSimulator } from './simulator/court-simulator.js';
import { coveredWeeks, runOutcomes, storedCounts } from './support/crawl-state.js';
import { resetState, sql, startTestService, testEnv } from './support/test-service.js';
import { truthDifferences } from './support/truth-compare.js';

const FROM = '2023-03-06';
const TO = '2023-05-28';
const garrison = militaryCourts.filter((c) => c.level === 'garrison');
const captchaCourt = garrison[20];
const sameRegion = garrison.find((c) => c.region === captchaCourt.region && c.code !== captchaCourt.code)!;
const codes = [captchaCourt.code, sameRegion.code];
const KEY = 'reader-key-123';

describe('captcha hand-off', () => {
  let sim: CourtSimulator;
  let env: Env;
  let service: RunningService;
  const idle = () => service.app.get(CrawlProgressService).waitUntilIdle(100);
  const post = (court: string, body: unknown, key?: string) =>
    fetch(`${service.url}/api/captcha/${court}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    sim = await startCourtSimulator({
      seed: 21,
      courts: codes,
      from: FROM,
      to: TO,
      now: '2023-08-01',
      behaviours: { [captchaCourt.code]: 'captcha', [sameRegion.code]: 'captcha' },
    });
    env = testEnv('captcha', { COURT_BASE_URL: `${sim.url}/{code}/`, CRAWL_COURTS: codes.join(','), API_KEYS: `${KEY}:reader` });
    await resetState(env);
    service = await startTestService(env, { api: true, worker: true, scheduler: false });
    await service.app.get(CrawlService).enqueue(FROM, TO, 'first');
    await idle();
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await sim?.close();
  });

  it('stops at a captcha, shows it to people and never guesses', async () => {
    const outcomes = await runOutcomes(env);
    expect(Object.keys(outcomes[captchaCourt.code])).toEqual(['captcha']);
    const waiting = (await (await fetch(`${service.url}/api/captcha`)).json()) as { court: string; imageDataUrl: string; captchaId: string }[];
    expect(waiting.map((w) => w.court).sort()).toEqual([...codes].sort());
    expect(waiting[0].imageDataUrl).toMatch(/^data:image\/png;base64,/);
    const tried = sim.requests.filter((r) => r.court === captchaCourt.code && /captcha=/.test(r.path));
    expect(tried).toEqual([]);
  });

  it('refuses an answer without a key or that is not five digits', async () => {
    expect((await post(captchaCourt.code, { code: '12345' })).status).toBe(401);
    const bad = await post(captchaCourt.code, { code: '12a45' }, KEY);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/code/);
  });

  it('resumes every court of the region with one typed answer, which the site accepts', async () => {
    const waiting = (await (await fetch(`${service.url}/api/captcha`)).json()) as { court: string; captchaId: string }[];
    const shown = waiting.find((w) => w.court === captchaCourt.code)!;
    const answer = sim.captchaAnswerFor(shown.captchaId)!; // what a person reads off the image
    const res = await post(captchaCourt.code, { code: answer }, KEY);
    expect(res.status).toBe(202);
    expect(((await res.json()) as { resumed: string[] }).resumed.sort()).toEqual([...codes].sort());
    await idle();

    const covered = await coveredWeeks(env);
    for (const code of codes) expect(covered.get(code)?.size).toBeGreaterThan(10);
    expect(truthDifferences(sim.truth(), await storedCounts(env), covered)).toEqual([]);
    const health = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM courts WHERE captcha_waiting`);
    expect(health[0].n).toBe(0);
    expect(await (await fetch(`${service.url}/api/captcha`)).json()).toEqual([]);
  }, 120_000);
});
