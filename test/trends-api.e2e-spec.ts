import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadEnv } from '../src/config/load-env.js';
import { startService, type RunningService } from '../src/service.js';
import { resetTrendTables, seedConvictedWeeks, seedTrendData, type SeedCase } from './support/trend-seed.js';

const READER = 'reader-key-0001';
const ADMIN = 'admin-key-00001';
const COURTS = ['63GV0001', '63GV0002', '77GV0001'];

// Weeks (Mondays) of January 2023.
const W = { jan02: '2023-01-02', jan09: '2023-01-09', jan16: '2023-01-16', jan23: '2023-01-23', jan30: '2023-01-30' };

export const CASES: SeedCase[] = [
  { court: '63GV0001', number: '1-1/2023', received: '2023-01-03', decided: '2023-01-20', outcome: 'conviction',
    result: 'Вынесен ПРИГОВОР', judge: 'Сидоров С.С.', defendants: [{ name: 'Иванов Иван Иванович', charges: ['337.5'] }] },
  { court: '63GV0001', number: '1-2/2023', received: '2023-01-04', decided: '2023-01-18', outcome: 'terminated',
    result: 'Уголовное дело ПРЕКРАЩЕНО', defendants: [
      { name: 'Петров Пётр Петрович', charges: ['337.2.1'] },
      { name: 'Смирнов Семён', charges: ['337.5', '338.1'] },
    ] },
  { court: '63GV0002', number: '1-7/2023', received: '2023-01-10', decided: '2023-01-31', outcome: 'conviction',
    result: 'Вынесен ПРИГОВОР', defendants: [{ name: 'Кузнецов К.К.', charges: ['337.5'] }] },
  { court: '77GV0001', number: '1-9/2023', received: '2023-01-05', decided: '2023-01-17', outcome: 'conviction',
    result: 'Вынесен ПРИГОВОР', defendants: [{ name: 'Орлов О.О.', charges: ['338.1'] }] },
  { court: '63GV0001', number: '22-3/2023', instance: 'appeal', received: '2023-01-05', decided: '2023-01-19', outcome: 'conviction',
    result: 'Вынесен ПРИГОВОР', defendants: [{ name: 'Апелляционный А.А.', charges: ['337.5'] }] },
];

const ALL_JAN = [W.jan02, W.jan09, W.jan16, W.jan23, W.jan30];
// The ISO weeks standing for June 2023 (Thursday inside June): 20 verdicts each, all courts covered.
const JUNE = ['2023-05-29', '2023-06-05', '2023-06-12', '2023-06-19', '2023-06-26'];

describe('trend API (real Postgres)', () => {
  let svc: RunningService;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    const env = loadEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/vw_test_trends',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'ttrends',
      PORT: '0',
      CRAWL_COURTS: COURTS.join(','),
      API_KEYS: `${READER}:reader,${ADMIN}:admin`,
      PUBLICATION_LAG_WEEKS: '4',
      LOG_LEVEL: 'error',
    });
    svc = await startService(env, { roles: { api: true, worker: false, scheduler: false }, logger: ['error'] });
    http = request(svc.url!);
    await resetTrendTables(svc.app.get(DataSource));
    await seedTrendData(svc.app, CASES, [
      { court: '63GV0001', dateField: 'decided', article: '337', weeks: ALL_JAN },
      { court: '63GV0002', dateField: 'decided', article: '337', weeks: ALL_JAN },
      { court: '77GV0001', dateField: 'decided', article: '337', weeks: [W.jan16] },
      { court: '63GV0001', dateField: 'received', article: '337', weeks: ALL_JAN },
      ...COURTS.map((court) => ({ court, dateField: 'decided' as const, article: '337', weeks: JUNE })),
    ]);
    await seedConvictedWeeks(svc.app, COURTS, JUNE, 20);
  }, 60_000);

  afterAll(async () => {
    const db = svc?.app.get(DataSource);
    await svc?.close();
    if (db?.isInitialized) await db.destroy();
  });

  const jan = { from: '2023-01-02', to: '2023-02-05' };

  it('counts convicted Art. 337 cases per week with explicit zeros and coverage', async () => {
    const res = await http.get('/api/weekly-counts').query(jan).expect(200);
    expect(res.body.filter).toMatchObject({ series: 'convicted', article: '337', part: 'all', groupBy: 'none', from: W.jan02, to: W.jan30 });
    expect(res.body.rows).toEqual(
      ALL_JAN.map((week, i) => ({
        week,
        count: [0, 0, 1, 0, 1][i],
        coveredCourts: week === W.jan16 ? 3 : 2,
        expectedCourts: 3,
        coverage: week === W.jan16 ? 1 : 0.6667,
        incomplete: false,
      })),
    );
  });

  it('counts a case once for the article as a whole and once per part', async () => {
    const whole = await http.get('/api/weekly-counts').query({ ...jan, series: 'decided' }).expect(200);
    expect(whole.body.rows.map((r: { count: number }) => r.count)).toEqual([0, 0, 2, 0, 1]);
    const byPart = await http.get('/api/weekly-counts').query({ ...jan, series: 'decided', groupBy: 'part' }).expect(200);
    const counts = (part: string) => byPart.body.rows.filter((r: { part: string }) => r.part === part).map((r: { count: number }) => r.count);
    expect(counts('5')).toEqual([0, 0, 2, 0, 1]);
    expect(counts('2.1')).toEqual([0, 0, 1, 0, 0]);
    expect(byPart.body.rows).toHaveLength(10);
    const part5 = await http.get('/api/weekly-counts').query({ ...jan, series: 'decided', part: '5' }).expect(200);
    expect(part5.body.rows.map((r: { count: number }) => r.count)).toEqual([0, 0, 2, 0, 1]);
  });

  it('uses the received date and its own coverage for the received series', async () => {
    const res = await http.get('/api/weekly-counts').query({ ...jan, series: 'received' }).expect(200);
    expect(res.body.rows.map((r: { count: number }) => r.count)).toEqual([2, 1, 0, 0, 0]);
    expect(res.body.rows.map((r: { coverage: number }) => r.coverage)).toEqual([0.3333, 0.3333, 0.3333, 0.3333, 0.3333]);
  });

  it('groups by court: every expected court gets every week', async () => {
    const res = await http.get('/api/weekly-counts').query({ ...jan, groupBy: 'court' }).expect(200);
    expect(res.body.rows).toHaveLength(15);
    const of = (court: string) => res.body.rows.filter((r: { court: string }) => r.court === court);
    expect(of('63GV0001').map((r: { count: number }) => r.count)).toEqual([0, 0, 1, 0, 0]);
    expect(of('63GV0002').map((r: { count: number }) => r.count)).toEqual([0, 0, 0, 0, 1]);
    expect(of('77GV0001').map((r: { count: number }) => r.count)).toEqual([0, 0, 0, 0, 0]);
    expect(of('77GV0001').map((r: { coverage: number }) => r.coverage)).toEqual([0, 0, 1, 0, 0]);
    expect(of('63GV0001')[0]).toMatchObject({ level: 'garrison', expectedCourts: 1 });
    expect(res.body.courts['63GV0001']).toEqual({ name: expect.stringMatching(/военный суд/), level: 'garrison' });
    expect(Object.keys(res.body.courts).sort()).toEqual(COURTS);
  });

  it('groups by level and filters by court and region', async () => {
    const byLevel = await http.get('/api/weekly-counts').query({ ...jan, groupBy: 'level' }).expect(200);
    expect(byLevel.body.rows.map((r: { level: string }) => r.level)).toEqual(Array(5).fill('garrison'));
    const court = await http.get('/api/weekly-counts').query({ ...jan, court: '63gv0002' }).expect(200);
    expect(court.body.rows.map((r: { count: number }) => r.count)).toEqual([0, 0, 0, 0, 1]);
    expect(court.body.rows[0]).toMatchObject({ expectedCourts: 1, coverage: 1 });
    const region = await http.get('/api/weekly-counts').query({ ...jan, region: '77' }).expect(200);
    expect(region.body.rows.map((r: { count: number }) => r.count)).toEqual([0, 0, 0, 0, 0]);
    expect(region.body.rows.map((r: { coverage: number }) => r.coverage)).toEqual([0, 0, 1, 0, 0]);
    const okrug = await http.get('/api/weekly-counts').query({ ...jan, level: 'okrug' }).expect(200);
    expect(okrug.body.rows).toHaveLength(5);
    expect(okrug.body.rows[0]).toMatchObject({ count: 0, expectedCourts: 0, coverage: null });
  });

  it('defaults the range to the span of stored data', async () => {
    const res = await http.get('/api/weekly-counts').expect(200);
    const weeks = res.body.rows.map((r: { week: string }) => r.week);
    expect(weeks).toHaveLength(24);
    expect([weeks[0], weeks.at(-1)]).toEqual([W.jan16, '2023-06-26']);
    expect(res.body.rows.slice(-5).map((r: { count: number }) => r.count)).toEqual([20, 20, 20, 20, 20]);
  });

  it('flags weeks inside the publication lag as incomplete', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 70 * 86_400_000).toISOString().slice(0, 10);
    const res = await http.get('/api/weekly-counts').query({ from, to: today }).expect(200);
    const flags = res.body.rows.map((r: { incomplete: boolean }) => r.incomplete);
    expect(flags.slice(-5)).toEqual([true, true, true, true, true]);
    expect(flags.slice(0, -5).every((f: boolean) => !f)).toBe(true);
  });

  it.each([
    ['article', { article: 'abc' }],
    ['series', { series: 'sentenced' }],
    ['part', { part: '5a' }],
    ['groupBy', { groupBy: 'judge' }],
    ['from', { from: '2023-02-30' }],
    ['to', { to: 'yesterday' }],
    ['from', { from: '2023-03-01', to: '2023-01-01' }],
    ['court', { court: '99XX0001' }],
    ['level', { level: 'district' }],
    ['region', { region: 'Moscow' }],
    ['colour', { colour: 'red' }],
  ])('answers a bad %s with a 400 naming it', async (name, query) => {
    const res = await http.get('/api/weekly-counts').query(query).expect(400);
    expect(res.body.parameter).toBe(name);
    expect(res.body.message).toContain(`'${name}'`);
  });

  it('lists courts with crawl health', async () => {
    const res = await http.get('/api/courts').expect(200);
    expect(res.body).toHaveLength(111);
    const c = res.body.find((x: { code: string }) => x.code === '63GV0001');
    expect(c).toMatchObject({ level: 'garrison', enabled: true, expected: true, lastCoveredWeek: '2023-06-26' });
    expect(res.body.find((x: { code: string }) => x.code === '61GV0001').expected).toBe(false);
    await http.get('/api/courts').query({ level: 'okrug' }).expect(200).then((r) => expect(r.body.length).toBeGreaterThan(5));
    await http.get('/api/courts').query({ level: 'x' }).expect(400);
  });

  describe('cases', () => {
    it('pages first-instance cases, newest first, without names for anonymous callers', async () => {
      const res = await http.get('/api/cases').query({ article: '337', pageSize: '2', to: '2023-02-05' }).expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(res.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['1-7/2023', '1-1/2023']);
      expect(JSON.stringify(res.body)).not.toMatch(/Иванов|Кузнецов|Петров|Смирнов/);
      expect(res.body.items[1].defendants[0]).not.toHaveProperty('name');
      expect(res.body.items[1].charges).toBe('337 ч.5');
      const page2 = await http.get('/api/cases').query({ article: '337', pageSize: '2', page: '2', to: '2023-02-05' }).expect(200);
      expect(page2.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['1-2/2023']);
    });

    it('shows names to callers with a key (x-api-key or Bearer)', async () => {
      const res = await http.get('/api/cases').query({ court: '63GV0002', to: '2023-02-05' }).set('x-api-key', READER).expect(200);
      expect(res.body.items[0].defendants[0].name).toBe('Кузнецов К.К.');
      const bearer = await http.get('/api/cases').query({ court: '63GV0002', to: '2023-02-05' }).set('Authorization', `Bearer ${ADMIN}`).expect(200);
      expect(bearer.body.items[0].defendants[0].name).toBe('Кузнецов К.К.');
    });

    it('filters by part, outcome, date field and instance', async () => {
      const part21 = await http.get('/api/cases').query({ article: '337', part: '2.1', to: '2023-02-05' }).expect(200);
      expect(part21.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['1-2/2023']);
      const conv = await http.get('/api/cases').query({ article: '337', outcome: 'conviction', to: '2023-02-05' }).expect(200);
      expect(conv.body.total).toBe(2);
      const received = await http.get('/api/cases').query({ dateField: 'received', from: '2023-01-09', to: '2023-01-15' }).expect(200);
      expect(received.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['1-7/2023']);
      const appeal = await http.get('/api/cases').query({ instance: 'appeal', to: '2023-02-05' }).expect(200);
      expect(appeal.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['22-3/2023']);
    });

    it('refuses unknown keys and bad parameters', async () => {
      await http.get('/api/cases').set('x-api-key', 'not-a-known-key').expect(401);
      const bad = await http.get('/api/cases').query({ pageSize: '5000' }).expect(400);
      expect(bad.body.parameter).toBe('pageSize');
      const part = await http.get('/api/cases').query({ part: '5' }).expect(400);
      expect(part.body.parameter).toBe('part');
    });
  });

  describe('claims', () => {
    const june = { series: 'convicted', article: '337', periodFrom: '2023-06-01', periodTo: '2023-06-30' };

    it('lists the seeded claims with their sources and periods', async () => {
      const res = await http.get('/api/claims').expect(200);
      const slugs = res.body.map((c: { slug: string }) => c.slug);
      expect(slugs).toEqual(expect.arrayContaining([
        'mediazona-100-verdicts-per-week-june-2023', 'mediazona-2076-received-h1-2023', 'cases-2023-doubled-vs-2022',
        'mediazona-suspended-majority',
      ]));
      const h1 = res.body.find((c: { slug: string }) => c.slug === 'mediazona-2076-received-h1-2023');
      expect(h1).toMatchObject({
        sourceUrl: 'https://en.zona.media/article/2023/07/19/337',
        params: { series: 'received', article: '337', part: 'all', periodFrom: '2023-01-01', periodTo: '2023-06-30', expectedUnit: 'period-total', expected: 2076 },
      });
    });

    it('checks a seeded claim with checkClaim and records the check', async () => {
      const list = await http.get('/api/claims').expect(200);
      const id = list.body.find((c: { slug: string }) => c.slug === 'mediazona-100-verdicts-per-week-june-2023').id;
      const res = await http.get(`/api/claims/${id}/check`).expect(200);
      expect(res.body).toMatchObject({ claimId: id, weeks: { from: '2023-05-29', to: '2023-06-26' }, verdict: 'contradicted' });
      expect(res.body.statistics).toMatchObject({ weeks: 5, total: 100, meanPerWeek: 20, meanCoverage: 1, weeksLeftOut: [] });
      expect(res.body.statistics.weeksUsed).toEqual(JUNE);
      expect(res.body.statistics.garwood90[0]).toBeLessThan(20);
      expect(res.body.statistics.garwood90[1]).toBeGreaterThan(20);
      const again = await http.get('/api/claims').expect(200);
      expect(again.body.find((c: { id: string }) => c.id === id).lastCheck).toMatchObject({ id: res.body.checkId, verdict: 'contradicted' });
      const [{ n }] = await svc.app.get(DataSource).query(`SELECT count(*)::int AS n FROM claim_checks WHERE claim_id = $1`, [id]);
      expect(n).toBe(1);
    });

    it('runs ad-hoc checks with the same parameters', async () => {
      const ok = await http.post('/api/claims/check').send({ ...june, expected: 20 }).expect(200);
      expect(ok.body).toMatchObject({ claimId: null, verdict: 'supported', expected: { unit: 'per-week', perWeek: 20, tolerance: 0.2 } });
      const total = await http.post('/api/claims/check').send({ ...june, expectedUnit: 'period-total', expected: 600 }).expect(200);
      expect(total.body.expected.perWeek).toBeCloseTo(140, 6);
      expect(total.body.verdict).toBe('contradicted');
      const uncovered = await http.post('/api/claims/check').send({ ...june, series: 'received', expected: 20 }).expect(200);
      expect(uncovered.body.verdict).toBe('insufficient-coverage');
    });

    it('checks a ratio against its baseline and refuses a badly covered baseline', async () => {
      const res = await http.post('/api/claims/check')
        .send({ ...june, expectedUnit: 'ratio', expected: 50, baselineFrom: '2023-01-01', baselineTo: '2023-02-02' }).expect(200);
      expect(res.body.baseline).toMatchObject({ from: W.jan02, to: W.jan30, weeks: 5, total: 2, meanPerWeek: 0.4 });
      expect(res.body.observedRatio).toBeCloseTo(50, 6);
      expect(res.body.verdict).toBe('insufficient-coverage');
      expect(res.body.reason).toMatch(/baseline/);
    });

    it('reports how many verdicts have a readable sentence for the suspended-sentence claim', async () => {
      const list = await http.get('/api/claims').expect(200);
      const claim = list.body.find((c: { slug: string }) => c.slug === 'mediazona-suspended-majority');
      expect(claim.needs).toBe('act-texts');
      const res = await http.get(`/api/claims/${claim.id}/check`).expect(200);
      expect(res.body.verdict).toBe('insufficient-coverage');
      expect(res.body.sentences).toMatchObject({ verdicts: 102, withReadableSentence: 0, share: null });
      expect(res.body.reason).toMatch(/0 of 102 verdicts have a readable sentence/);
    });

    it('adds claims only with an admin key and validates the body', async () => {
      const body = { statement: 'About 20 verdicts a week in June 2023', sourceUrl: 'https://example.org/x', ...june, expected: 20 };
      await http.post('/api/claims').send(body).expect(401);
      await http.post('/api/claims').set('x-api-key', READER).send(body).expect(403);
      const created = await http.post('/api/claims').set('x-api-key', ADMIN).send(body).expect(201);
      expect(created.body).toMatchObject({ statement: body.statement, seeded: false, params: { part: 'all', expected: 20, tolerance: 0.2 } });
      const checked = await http.get(`/api/claims/${created.body.id}/check`).expect(200);
      expect(checked.body.verdict).toBe('supported');
      const bad = await http.post('/api/claims').set('x-api-key', ADMIN).send({ ...body, expected: 'lots' }).expect(400);
      expect(bad.body).toMatchObject({ parameter: 'expected' });
      expect(bad.body.message).toContain("body field 'expected'");
      const ratio = await http.post('/api/claims/check').send({ ...june, expectedUnit: 'ratio', expected: 2 }).expect(400);
      expect(ratio.body.parameter).toBe('baselineFrom');
    });

    it('answers a bad or unknown claim id', async () => {
      const bad = await http.get('/api/claims/abc/check').expect(400);
      expect(bad.body.parameter).toBe('id');
      await http.get('/api/claims/987654/check').expect(404);
    });
  });

  it('describes every endpoint in OpenAPI at /docs', async () => {
    const res = await http.get('/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/api/weekly-counts', '/api/weekly-counts.csv', '/api/courts', '/api/cases', '/api/cases.csv', '/api/claims', '/api/claims/check', '/api/claims/{id}/check']) {
      expect(paths).toContain(p);
    }
    const params = res.body.paths['/api/weekly-counts'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['series', 'article', 'part', 'court', 'level', 'region', 'from', 'to', 'groupBy']));
    await http.get('/docs').expect(200);
  });
});
