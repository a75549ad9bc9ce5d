import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Env } from '../src/config/env.schema.js';
import { CrawlProgressService } from '../src/crawling/crawl-progress.service.js';
import { CrawlService } from '../src/crawling/crawl.service.js';
import { NewsCrawlService } from '../src/news/news-crawl.service.js';
import { NewsProgressService } from '../src/news/news-progress.service.js';
import type { RunningService } from '../src/service.js';
import { startCourtSimulator, type CourtSimulator } from './simulator/court-simulator.js';
import { attachNewsSite, type NewsSite } from './simulator/news-site.js';
import { resetState, sql, startTestService, testEnv } from './support/test-service.js';

const FROM = '2023-01-02';
const TO = '2023-04-30';
const COURTS = ['77GV0020', '63GV0001', '54GV0001', '61GV0001', '25GV0001'];
const ADMIN = 'news-admin-key';
const READER = 'news-reader-key';

/** Feeds that send validators and must answer a revisit with 304 (see DEFAULT_FEED_PLANS). */
const CONDITIONAL = ['zona-media', 'zona-media-en', 'ovd-info', 'novayagazeta-eu', 'vot-tak', 'currenttime', 'sotavision'];

type Counts = Record<'items' | 'mentions' | 'figures' | 'links' | 'pages', number>;

describe('news sources against the simulated outlets and courts (real Postgres, Redis, HTTP)', () => {
  let sim: CourtSimulator;
  let site: NewsSite;
  let env: Env;
  let service: RunningService;
  let http: ReturnType<typeof request>;

  const crawlNews = async (slot: string) => {
    await service.app.get(NewsCrawlService).enqueue(slot);
    await service.app.get(NewsProgressService).waitUntilIdle(100);
  };
  const counts = async (): Promise<Counts> => {
    const [row] = await sql<Counts>(
      env,
      `SELECT (SELECT count(*) FROM news_items)::int AS items, (SELECT count(*) FROM news_mentions)::int AS mentions,
              (SELECT count(*) FROM news_figures)::int AS figures, (SELECT count(*) FROM news_case_links)::int AS links,
              (SELECT count(*) FROM pages WHERE court_code IS NULL)::int AS pages`,
    );
    return row;
  };
  const runs = async (slot: string) => {
    const rows = await sql<{ key: string; outcome: string; status: number | null; new_items: number; error: string | null }>(
      env,
      `SELECT s.key, r.outcome, r.status, r.new_items, r.error FROM news_feed_runs r JOIN news_sources s ON s.id = r.source_id
        WHERE r.slot = $1 ORDER BY s.key`,
      [slot],
    );
    return Object.fromEntries(rows.map((r) => [r.key, r]));
  };

  beforeAll(async () => {
    sim = await startCourtSimulator({ seed: 7, courts: COURTS, from: FROM, to: TO, now: '2023-08-01' });
    site = attachNewsSite(sim, { seed: 7, from: FROM, to: TO });
    env = testEnv('news', {
      COURT_BASE_URL: `${sim.url}/{code}/`,
      CRAWL_COURTS: COURTS.join(','),
      NEWS_BASE_URL: site.baseUrl,
      API_KEYS: `${ADMIN}:admin,${READER}:reader`,
      NEWS_RELINK_DAYS: '3650', // every tick re-links all the (2023) mentions: must change nothing
    });
    await resetState(env);
    service = await startTestService(env, { api: true, worker: true, scheduler: false });
    http = request(service.url!);
    // The court listings first, so there are cases to link to.
    await service.app.get(CrawlService).enqueue(FROM, TO, 'courts');
    await service.app.get(CrawlProgressService).waitUntilIdle(100);
    await crawlNews('first');
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    await sim?.close();
  });

  it('crawls every configured feed once per slot and keeps the raw pages without a court', async () => {
    const first = await runs('first');
    expect(Object.keys(first)).toHaveLength(10);
    for (const key of ['zona-media', 'zona-media-en', 'meduza', 'novayagazeta-eu', 'vot-tak', 'currenttime', 'sotavision', 'ovd-info']) {
      expect([key, first[key]!.outcome, first[key]!.status]).toEqual([key, 'ok', 200]);
    }
    const feedPages = await sql<{ url: string; kind: string; court_code: string | null }>(
      env,
      `SELECT p.url, p.kind, p.court_code FROM pages p JOIN news_sources s ON s.last_page_id = p.id ORDER BY s.key`,
    );
    expect(feedPages.length).toBe(10);
    expect(feedPages.every((p) => p.court_code === null)).toBe(true);
    expect(feedPages.find((p) => p.url === 'https://zona.media/rss')?.kind).toBe('feed');
    // Another replica's tick for the same slot adds no job.
    await crawlNews('first');
    expect(site.requests.filter((r) => r.kind === 'feed').length).toBe(10);
  });

  it('keeps relevant items, fetches their articles, and never fetches irrelevant ones', async () => {
    const truth = site.truth();
    const items = await sql<{ url: string; article_status: string; page_id: string | null; relevance_terms: string[] }>(
      env,
      `SELECT url, article_status, page_id::text, relevance_terms FROM news_items`,
    );
    const urls = new Set(items.map((i) => i.url));
    for (const d of truth.described) expect(urls.has(d.url)).toBe(true);
    for (const u of truth.decoys) expect(urls.has(u)).toBe(true);
    for (const u of truth.irrelevant) expect(urls.has(u)).toBe(false);
    const fetched = new Set(site.requests.filter((r) => r.kind === 'article').map((r) => r.url));
    for (const u of truth.irrelevant) expect(fetched.has(u)).toBe(false);
    // The off-topic fixture (a district court fining a civilian) is skipped, the on-topic ones are kept.
    expect(urls.has('https://sotavision.world/2026/03/17/shtraf-za-post')).toBe(false);
    expect(urls.has('https://zona.media/news/2026/05/15/kursk-soch')).toBe(true);
    expect(items.every((i) => i.article_status === 'ok' && i.page_id !== null && i.relevance_terms.length > 0)).toBe(true);
    expect(items.length).toBe(fetched.size);
  });

  it('extracts the mentions and links each to the simulated case it describes', async () => {
    const truth = site.truth();
    expect(truth.described.length).toBeGreaterThanOrEqual(8);
    for (const d of truth.described) {
      const links = await sql<{ court_code: string; case_number: string; rank: number; confidence: number; mentioned_on: string; articles: unknown }>(
        env,
        `SELECT c.court_code, c.case_number, l.rank, l.confidence, m.mentioned_on::text, m.articles
           FROM news_items i JOIN news_mentions m ON m.item_id = i.id
           LEFT JOIN news_case_links l ON l.mention_id = m.id LEFT JOIN cases c ON c.id = l.case_id
          WHERE i.url = $1`,
        [d.url],
      );
      expect(links[0]).toMatchObject({ mentioned_on: d.decidedOn });
      expect(links[0]!.articles).toContainEqual({ article: d.article, part: d.part });
      const right = links.find((l) => l.court_code === d.court && l.case_number === d.caseNumber);
      expect({ url: d.url, linked: Boolean(right) }).toEqual({ url: d.url, linked: true });
      if (d.unique) expect({ url: d.url, rank: right!.rank, confidence: right!.confidence }).toEqual({ url: d.url, rank: 1, confidence: expect.any(Number) });
      expect(right!.confidence).toBeGreaterThanOrEqual(env.NEWS_LINK_MIN_CONFIDENCE);
    }
    // Verdicts no stored case matches (a court not crawled, a date long before the period) are mentioned, never linked.
    for (const u of truth.decoys) {
      const [row] = await sql<{ mentions: number; links: number; courts: number }>(
        env,
        `SELECT count(DISTINCT m.id)::int AS mentions, count(l.case_id)::int AS links, count(DISTINCT m.court_code)::int AS courts
           FROM news_items i JOIN news_mentions m ON m.item_id = i.id LEFT JOIN news_case_links l ON l.mention_id = m.id WHERE i.url = $1`,
        [u],
      );
      expect(row).toEqual({ mentions: 1, links: 0, courts: 1 });
    }
    // The fixture articles (2026) are read with their outlets' selectors; their mentions find no 2023 case.
    const [kursk] = await sql<{ extracted_by: string; court_code: string; mentioned_on: string; links: number }>(
      env,
      `SELECT i.extracted_by, m.court_code, m.mentioned_on::text, (SELECT count(*) FROM news_case_links l WHERE l.mention_id = m.id)::int AS links
         FROM news_items i JOIN news_mentions m ON m.item_id = i.id WHERE i.url = 'https://zona.media/news/2026/05/15/kursk-soch'`,
    );
    expect(kursk).toEqual({ extracted_by: 'outlet', court_code: '77GV0020', mentioned_on: '2026-05-12', links: 0 });
  });

  it('serves items with mentions and links, filtered and paged, and the mentions of a case', async () => {
    const d = site.truth().described.find((x) => x.unique)!;
    const res = await http.get('/api/news').query({ court: d.court, article: d.article, from: FROM, to: '2023-12-31', linked: '1', pageSize: '50' }).expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    const item = res.body.items.find((i: { url: string }) => i.url === d.url);
    expect(item.mentions[0]).toMatchObject({ court: d.court, date: d.decidedOn, quote: null });
    expect(item.mentions[0].links[0]).toMatchObject({ court: d.court, caseNumber: d.caseNumber, rank: 1, instance: 'first' });
    for (const i of res.body.items) expect(i.mentions.some((m: { court: string }) => m.court === d.court)).toBe(true);

    const paged = await http.get('/api/news').query({ pageSize: '2', page: '2' }).expect(200);
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(2);
    const unlinked = await http.get('/api/news').query({ linked: '0', pageSize: '200' }).expect(200);
    expect(unlinked.body.items.every((i: { mentions: { links: unknown[] }[] }) => i.mentions.every((m) => m.links.length === 0))).toBe(true);

    const caseId = item.mentions[0].links[0].caseId;
    const anonymous = await http.get(`/api/news/cases/${caseId}`).expect(200);
    expect(anonymous.body).toMatchObject({ caseId, court: d.court, caseNumber: d.caseNumber });
    expect(anonymous.body.mentions[0]).toMatchObject({ item: { url: d.url }, date: d.decidedOn, quote: null });
    const keyed = await http.get(`/api/news/cases/${caseId}`).set('x-api-key', READER).expect(200);
    expect(typeof keyed.body.mentions[0].quote).toBe('string');
    await http.get('/api/news/cases/999999999').expect(404);

    const docs = await http.get('/docs-json').expect(200);
    for (const path of ['/api/news', '/api/news/sources', '/api/news/cases/{id}', '/api/news/figures', '/api/news/figures/{id}/accept']) {
      expect(Object.keys(docs.body.paths)).toContain(path);
    }
  });

  it('answers a bad parameter with a 400 that names it', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ court: 'XX00' }, 'court'],
      [{ from: '2023-13-01' }, 'from'],
      [{ from: '2023-05-01', to: '2023-04-01' }, 'from'],
      [{ part: '5' }, 'part'],
      [{ source: 'nope' }, 'source'],
      [{ pageSize: '1000' }, 'pageSize'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [query, parameter] of cases) {
      const res = await http.get('/api/news').query(query).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, parameter });
      expect(res.body.message).toContain(parameter);
    }
    const bad = await http.get('/api/news/cases/abc').expect(400);
    expect(bad.body.parameter).toBe('id');
  });

  it('reports broken feeds with the parser\'s reason while the other feeds are read', async () => {
    const res = await http.get('/api/news/sources').expect(200);
    const byKey = Object.fromEntries(res.body.map((s: { key: string }) => [s.key, s]));
    expect(byKey['verstka']).toMatchObject({ health: 'broken', lastOutcome: 'broken' });
    expect(byKey['verstka'].lastError).toContain('truncated or malformed XML');
    expect(byKey['theins']).toMatchObject({ health: 'broken', lastOutcome: 'broken' });
    expect(byKey['theins'].lastError).toContain('an HTML page, not a feed');
    for (const key of ['zona-media', 'meduza', 'ovd-info', 'vot-tak']) expect(byKey[key]).toMatchObject({ health: 'ok', lastOutcome: 'ok' });
    expect(byKey['ovd-info'].items).toBe(0);
    expect(byKey['zona-media'].items).toBeGreaterThan(0);
    const [page] = await sql<{ kind: string; parse_error: string }>(
      env,
      `SELECT p.kind, p.parse_error FROM pages p JOIN news_sources s ON s.last_page_id = p.id WHERE s.key = 'verstka'`,
    );
    expect(page.kind).toBe('broken');
    expect(page.parse_error).toContain('truncated or malformed XML');
  });

  it('adds nothing on a second crawl; feeds answering 304 are not parsed again', async () => {
    const before = await counts();
    const lastPages = await sql<{ key: string; last_page_id: string }>(env, `SELECT key, last_page_id::text FROM news_sources ORDER BY key`);
    const articleRequests = site.requests.filter((r) => r.kind === 'article').length;
    const feedRequests = site.requests.length;

    await crawlNews('second');

    expect(await counts()).toEqual(before);
    expect(site.requests.filter((r) => r.kind === 'article').length).toBe(articleRequests);
    const second = await runs('second');
    for (const key of CONDITIONAL) expect([key, second[key]!.outcome, second[key]!.status]).toEqual([key, 'not-modified', 304]);
    expect(second['meduza']).toMatchObject({ outcome: 'ok', status: 200, new_items: 0 }); // no validators: read again, nothing new
    expect(second['verstka']).toMatchObject({ outcome: 'broken' });
    const revisits = site.requests.slice(feedRequests);
    const conditional = revisits.filter((r) => r.conditional);
    expect(conditional.length).toBe(CONDITIONAL.length);
    expect(conditional.every((r) => r.status === 304)).toBe(true);
    expect(await sql<{ key: string; last_page_id: string }>(env, `SELECT key, last_page_id::text FROM news_sources ORDER BY key`)).toEqual(lastPages);
  }, 60_000);

  it('lets an admin accept a published figure into the claims list', async () => {
    const figures = await http.get('/api/news/figures').query({ status: 'candidate', pageSize: '200' }).expect(200);
    type Figure = { id: string; unit: string; period: string | null; value: number; item: { url: string } };
    const fromMeduza = figures.body.items.filter((f: Figure) => f.item.url === 'https://meduza.io/feature/2026/04/12/sto-prigovorov-v-nedelyu');
    const month = fromMeduza.find((f: Figure) => f.unit === 'per-month' && f.period === '2026-03') as Figure;
    const weekly = fromMeduza.find((f: Figure) => f.unit === 'per-week' && f.value === 100) as Figure;
    expect(month && weekly).toBeTruthy();

    await http.post(`/api/news/figures/${month.id}/accept`).expect(401);
    await http.post(`/api/news/figures/${month.id}/accept`).set('x-api-key', READER).expect(403);
    const accepted = await http.post(`/api/news/figures/${month.id}/accept`).set('x-api-key', ADMIN).expect(200);
    expect(accepted.body.figure).toMatchObject({ id: month.id, status: 'accepted', claimId: accepted.body.claim.id });
    expect(accepted.body.claim).toMatchObject({
      sourceUrl: month.item.url,
      params: { series: 'convicted', article: '337', periodFrom: '2026-03-01', periodTo: '2026-03-31', expectedUnit: 'per-month', expected: 912 },
    });
    const again = await http.post(`/api/news/figures/${month.id}/accept`).set('x-api-key', ADMIN).expect(200);
    expect(again.body.claim.id).toBe(accepted.body.claim.id);

    const noPeriod = await http.post(`/api/news/figures/${weekly.id}/accept`).set('x-api-key', ADMIN).expect(400);
    expect(noPeriod.body.parameter).toBe('periodFrom');
    const withPeriod = await http
      .post(`/api/news/figures/${weekly.id}/accept`)
      .set('x-api-key', ADMIN)
      .send({ periodFrom: '2023-06-05', periodTo: '2023-07-30' })
      .expect(200);
    expect(withPeriod.body.claim.params).toMatchObject({ expectedUnit: 'per-week', expected: 100, periodFrom: '2023-06-05' });
    const claims = await http.get('/api/claims').expect(200);
    expect(claims.body.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([accepted.body.claim.id, withPeriod.body.claim.id]));
  });

  it('records a feed that stops answering as failing, and reads it again once it is back', async () => {
    site.setFeed('vot-tak', { kind: 'status', status: 503 });
    await crawlNews('third');
    const third = await runs('third');
    expect(third['vot-tak']).toMatchObject({ outcome: 'error', status: 503, error: 'HTTP 503' });
    const [src] = await sql<{ health: string; failures: number }>(env, `SELECT health, failures FROM news_sources WHERE key = 'vot-tak'`);
    expect(src).toEqual({ health: 'failing', failures: 1 });
    expect(third['zona-media']!.outcome).toBe('not-modified');

    site.setFeed('vot-tak', { kind: 'generated', format: 'rss', lang: 'ru', validators: 'both' });
    const before = await counts();
    await crawlNews('fourth');
    expect((await runs('fourth'))['vot-tak']).toMatchObject({ outcome: 'not-modified', status: 304 }); // same feed as before the outage
    const [back] = await sql<{ health: string; failures: number }>(env, `SELECT health, failures FROM news_sources WHERE key = 'vot-tak'`);
    expect(back).toEqual({ health: 'ok', failures: 0 });
    expect(await counts()).toEqual(before);
  }, 60_000);
});
