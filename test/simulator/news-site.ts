// The news outlets, served by the court simulator under /news/<host>/<path> (NEWS_BASE_URL =
// `${sim.url}/news/{host}/`): the configured feeds (generated from the simulated cases, or fixture
// files: an empty feed, a broken one, an HTML page), article pages in the outlets' layouts (the
// generated stories and the fixture articles of scrapers/news/fixtures), ETag / Last-Modified and 304.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listFixtures, newsFixturesDir, type ArticleExpectation } from '../../scrapers/news/fixtures/news-fixtures.js';
import { newsFeeds } from '../../scrapers/news/news-feeds.js';
import { militaryCourts } from '../../scrapers/sudrf/court-registry.js';
import type { CourtSimulator } from './court-simulator.js';
import { renderArticle, renderAtom, renderRss } from './news-pages.js';
import { writeStories, type DescribedCase, type NewsStory } from './news-stories.js';

/** Which validators a feed sends (and honours with a 304). */
export type FeedValidators = 'both' | 'etag' | 'last-modified' | 'none';

export type FeedPlan =
  | { kind: 'generated'; format: 'rss' | 'atom'; lang: 'ru' | 'en'; validators: FeedValidators }
  | { kind: 'fixture'; file: string; contentType: string; validators: FeedValidators }
  | { kind: 'status'; status: number };

/** How each configured feed (by its URL in news-feeds.ts) behaves by default. */
export const DEFAULT_FEED_PLANS: Record<string, FeedPlan> = {
  'zona-media': { kind: 'generated', format: 'rss', lang: 'ru', validators: 'both' },
  'zona-media-en': { kind: 'generated', format: 'atom', lang: 'en', validators: 'etag' },
  'ovd-info': { kind: 'fixture', file: 'feeds/empty.rss.xml', contentType: 'application/rss+xml; charset=utf-8', validators: 'last-modified' },
  meduza: { kind: 'generated', format: 'rss', lang: 'ru', validators: 'none' },
  'novayagazeta-eu': { kind: 'generated', format: 'rss', lang: 'ru', validators: 'last-modified' },
  verstka: { kind: 'fixture', file: 'feeds/broken.rss.xml', contentType: 'application/rss+xml; charset=utf-8', validators: 'both' },
  'vot-tak': { kind: 'generated', format: 'rss', lang: 'ru', validators: 'both' },
  currenttime: { kind: 'generated', format: 'rss', lang: 'ru', validators: 'both' },
  theins: { kind: 'fixture', file: 'feeds/not-a-feed.html', contentType: 'text/html; charset=utf-8', validators: 'none' },
  sotavision: { kind: 'generated', format: 'rss', lang: 'ru', validators: 'etag' },
};

export interface NewsSiteOptions {
  seed?: number;
  /** The crawled period and the simulated today (default: the court simulator's). */
  from: string;
  to: string;
  ruCases?: number;
  enCases?: number;
  windowDays?: number;
  /** Per feed key, overrides of DEFAULT_FEED_PLANS. */
  feeds?: Record<string, FeedPlan>;
}

export interface NewsRequest {
  host: string;
  path: string;
  url: string;
  status: number;
  conditional: boolean;
  kind: 'feed' | 'article' | 'not-found';
}

export interface NewsTruth {
  /** Relevant stories about simulated cases: the case each describes. */
  described: Array<{ url: string; host: string } & DescribedCase>;
  /** Relevant stories about verdicts no simulated case matches. */
  decoys: string[];
  /** Stories not about courts: never worth fetching. */
  irrelevant: string[];
  /** Fixture articles listed in the generated feeds, with their expectations. */
  fixtures: Array<{ url: string; name: string; mentions: number; figures: number }>;
}

export interface NewsSite {
  /** NEWS_BASE_URL for the service: `${sim.url}/news/{host}/`. */
  readonly baseUrl: string;
  readonly stories: readonly NewsStory[];
  readonly requests: NewsRequest[];
  truth(): NewsTruth;
  /** Changes how a feed behaves from now on (e.g. make it fail). */
  setFeed(key: string, plan: FeedPlan): void;
}

interface Served {
  body: Buffer;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
}

const HTML = 'text/html; charset=utf-8';

export function attachNewsSite(sim: CourtSimulator, opts: NewsSiteOptions): NewsSite {
  const plans = new Map(newsFeeds.map((f) => [f.key, opts.feeds?.[f.key] ?? DEFAULT_FEED_PLANS[f.key] ?? ({ kind: 'status', status: 404 } as FeedPlan)]));
  const hostOf = (url: string) => new URL(url).host;
  const generated = (lang: 'ru' | 'en') => newsFeeds.filter((f) => plans.get(f.key)?.kind === 'generated' && (plans.get(f.key) as { lang: string }).lang === lang).map((f) => hostOf(f.url));
  const cases = sim.courts.flatMap((c) => sim.cases(c.code, 'first'));
  const stories = writeStories(cases, sim.courts, militaryCourts, {
    seed: opts.seed ?? 1,
    from: opts.from,
    to: opts.to,
    now: sim.now,
    ruHosts: generated('ru'),
    enHosts: generated('en'),
    ruCases: opts.ruCases,
    enCases: opts.enCases,
    windowDays: opts.windowDays,
  });

  // Fixture articles of the hosts whose feeds are generated, listed in those feeds.
  const fixtureDir = newsFixturesDir();
  const fixtures = listFixtures<ArticleExpectation>('articles').filter((f) => f.expected?.url && f.expected.article && !f.expected.text);
  const fixtureStories: Array<NewsStory & { fixture: string }> = [];
  for (const f of fixtures) {
    const e = f.expected!;
    const host = hostOf(e.url!);
    if (![...generated('ru'), ...generated('en')].includes(host)) continue;
    fixtureStories.push({
      host,
      url: e.url!,
      guid: e.url!,
      title: e.article!.title ?? f.name,
      summary: e.article!.textIncludes[0] ?? '',
      publishedAt: e.article!.publishedAt ?? '2026-01-01T00:00:00.000Z',
      lang: /[а-яё]/iu.test(e.article!.title ?? '') ? 'ru' : 'en',
      paragraphs: [],
      kind: 'case',
      fixture: f.file,
    });
  }

  const articles = new Map<string, Served>();
  for (const s of stories) articles.set(s.url, { body: Buffer.from(renderArticle(s)), contentType: HTML, etag: null, lastModified: null });
  for (const s of fixtureStories) articles.set(s.url, { body: readFileSync(s.fixture), contentType: HTML, etag: null, lastModified: null });

  const feedUrls = new Map(newsFeeds.map((f) => [f.url, f]));
  const feedCache = new Map<string, Served | number>();
  const renderFeed = (key: string): Served | number => {
    const cached = feedCache.get(key);
    if (cached !== undefined) return cached;
    const feed = newsFeeds.find((f) => f.key === key)!;
    const plan = plans.get(key)!;
    let out: Served | number;
    if (plan.kind === 'status') out = plan.status;
    else {
      let body: Buffer;
      let contentType: string;
      let newest = '2023-01-01T00:00:00.000Z';
      if (plan.kind === 'fixture') {
        body = readFileSync(join(fixtureDir, plan.file));
        contentType = plan.contentType;
      } else {
        const host = hostOf(feed.url);
        const items = [...stories, ...fixtureStories].filter((s) => s.host === host).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
        newest = items[0]?.publishedAt ?? newest;
        const channel = { title: feed.outlet, link: `https://${host}/`, selfUrl: feed.url };
        body = Buffer.from(plan.format === 'atom' ? renderAtom(channel, items) : renderRss(channel, items));
        contentType = plan.format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8';
      }
      const v = plan.validators;
      out = {
        body,
        contentType,
        etag: v === 'both' || v === 'etag' ? `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` : null,
        lastModified: v === 'both' || v === 'last-modified' ? new Date(newest).toUTCString() : null,
      };
    }
    feedCache.set(key, out);
    return out;
  };

  const requests: NewsRequest[] = [];

  function handle(req: IncomingMessage, res: ServerResponse, path: string): void {
    // /news/<host>/<rest>
    const rest = path.replace(/^\/news\//u, '');
    const slash = rest.indexOf('/');
    const host = slash < 0 ? rest : rest.slice(0, slash);
    const url = `https://${host}/${slash < 0 ? '' : rest.slice(slash + 1)}`;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const record: NewsRequest = { host, path, url, status: 0, conditional: Boolean(inm || ims), kind: 'not-found' };
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });

    const feed = feedUrls.get(url);
    const served = feed ? renderFeed(feed.key) : articles.get(url);
    record.kind = feed ? 'feed' : served ? 'article' : 'not-found';
    if (served === undefined || typeof served === 'number') {
      const status = typeof served === 'number' ? served : 404;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...(status === 503 ? { 'Retry-After': '1' } : {}) });
      res.end(`news simulator: ${status}\n`);
      return;
    }
    const headers: Record<string, string | number> = { 'Content-Type': served.contentType };
    if (served.etag) headers['ETag'] = served.etag;
    if (served.lastModified) headers['Last-Modified'] = served.lastModified;
    const etagMatch = served.etag && typeof inm === 'string' && inm.split(',').map((s) => s.trim()).includes(served.etag);
    const dateMatch = !inm && served.lastModified && typeof ims === 'string' && Date.parse(ims) >= Date.parse(served.lastModified);
    if (etagMatch || dateMatch) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['Content-Length'] = served.body.length;
    res.writeHead(200, headers);
    res.end(served.body);
  }

  sim.mount('news', handle);

  return {
    baseUrl: `${sim.url}/news/{host}/`,
    stories,
    requests,
    truth: () => ({
      described: stories.filter((s) => s.kind === 'case' && s.describes).map((s) => ({ url: s.url, host: s.host, ...s.describes! })),
      decoys: stories.filter((s) => s.kind === 'decoy').map((s) => s.url),
      irrelevant: stories.filter((s) => s.kind === 'filler').map((s) => s.url),
      fixtures: fixtureStories.map((s) => {
        const e = fixtures.find((f) => f.file === s.fixture)!.expected!;
        return { url: s.url, name: s.fixture.split('/').pop()!, mentions: e.mentions.length, figures: e.figures.length };
      }),
    }),
    setFeed: (key, plan) => {
      if (!plans.has(key)) throw new RangeError(`no configured feed ${key}`);
      plans.set(key, plan);
      feedCache.delete(key);
    },
  };
}
