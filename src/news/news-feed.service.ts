import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { FeedParseError } from '../../scrapers/news/feed-parse-error.js';
import { parseFeed } from '../../scrapers/news/feed-parser.js';
import { decodeHtml } from '../../scrapers/news/html-decoder.js';
import { scoreRelevance } from '../../scrapers/news/relevance-scorer.js';
import type { Feed } from '../../scrapers/news/types.js';
import { PageStore } from '../crawling/page-store.service.js';
import { NewsFeedRuns } from './news-feed-runs.js';
import { NewsFetcher } from './news-fetcher.js';
import { NewsItemsStore, type RelevantItem } from './news-items.store.js';
import { NewsQueue, type NewsArticleJob, type NewsFeedJob } from './news-queues.js';
import { NewsSourcesService, type FeedOutcome } from './news-sources.service.js';

export interface FeedCrawl {
  outcome: FeedOutcome | 'skipped';
  items: number;
  relevant: number;
  newItems: number;
}

/**
 * One feed: a conditional GET (a 304 is recorded and nothing is parsed), the raw page kept, the
 * items scored for relevance, relevant ones upserted and their article pages enqueued once. A
 * feed that cannot be read is recorded as broken with the parser's reason; the crawl goes on.
 */
@Injectable()
export class NewsFeedService {
  private readonly log = new Logger(NewsFeedService.name);

  constructor(
    private readonly sources: NewsSourcesService,
    private readonly runs: NewsFeedRuns,
    private readonly fetcher: NewsFetcher,
    private readonly pages: PageStore,
    private readonly items: NewsItemsStore,
    @InjectQueue(NewsQueue.Article) private readonly articles: Queue<NewsArticleJob>,
  ) {}

  async crawl(job: NewsFeedJob): Promise<FeedCrawl> {
    const source = await this.sources.get(job.source);
    if (!source) return { outcome: 'skipped', items: 0, relevant: 0, newItems: 0 };
    const runId = await this.runs.open(source.id, job.slot);
    const page = await this.fetcher.get(source.url, 'feed', { etag: source.etag, lastModified: source.lastModified });

    if (page.status === 304) {
      await this.sources.record(source.id, { outcome: 'not-modified' });
      await this.runs.close(runId, { outcome: 'not-modified', status: 304 });
      return { outcome: 'not-modified', items: 0, relevant: 0, newItems: 0 };
    }
    const pageId = await this.pages.save(page, null);
    if (page.status !== 200) {
      const error = `HTTP ${page.status}`;
      await this.pages.mark(pageId, 'error', error, null);
      await this.sources.record(source.id, { outcome: 'error', pageId, error });
      await this.runs.close(runId, { outcome: 'error', status: page.status, pageId, error });
      this.log.warn(`${source.key}: ${error}`);
      return { outcome: 'error', items: 0, relevant: 0, newItems: 0 };
    }

    let feed: Feed;
    try {
      feed = parseFeed(decodeHtml(page.body, page.headers['content-type']), source.url);
    } catch (e) {
      if (!(e instanceof FeedParseError)) throw e;
      await this.pages.mark(pageId, 'broken', null, e.message);
      await this.sources.record(source.id, { outcome: 'broken', pageId, error: e.message });
      await this.runs.close(runId, { outcome: 'broken', status: page.status, pageId, error: e.message });
      this.log.warn(`${source.key}: broken feed: ${e.message}`);
      return { outcome: 'broken', items: 0, relevant: 0, newItems: 0 };
    }
    await this.pages.mark(pageId, 'feed', null, null);

    const relevant: RelevantItem[] = [];
    for (const item of feed.items) {
      const r = scoreRelevance(item);
      if (!r.relevant) continue;
      const feedText = [item.summary, item.content ?? ''].filter(Boolean).join('\n\n');
      relevant.push({ guid: item.guid, url: item.url, title: item.title, publishedAt: item.publishedAt, feedText, score: r.score, terms: r.terms });
    }
    const stored = await this.items.upsert(source.id, relevant);
    // Unread items (new, or whose page failed before) are enqueued once per slot; a read item never again.
    const todo = stored.filter((s) => !s.processed);
    await this.articles.addBulk(todo.map((s) => ({ name: 'article', data: { itemId: s.id }, opts: { jobId: `news-article|${s.id}|${job.slot}` } })));

    const newItems = stored.filter((s) => s.inserted).length;
    const validators = { etag: page.headers['etag'] ?? null, lastModified: page.headers['last-modified'] ?? null };
    await this.sources.record(source.id, { outcome: 'ok', pageId, validators });
    await this.runs.close(runId, { outcome: 'ok', status: 200, pageId, items: feed.items.length, relevant: relevant.length, newItems });
    this.log.log(`${source.key}: ${feed.items.length} items, ${relevant.length} relevant, ${newItems} new`);
    return { outcome: 'ok', items: feed.items.length, relevant: relevant.length, newItems };
  }

  /** Called once a feed job has used all its attempts (the site never answered). */
  async giveUp(job: NewsFeedJob, error: Error): Promise<void> {
    const source = await this.sources.get(job.source);
    if (!source) return;
    await this.sources.record(source.id, { outcome: 'error', error: error.message });
    const runId = await this.runs.open(source.id, job.slot);
    await this.runs.close(runId, { outcome: 'error', status: null, error: error.message });
  }
}
