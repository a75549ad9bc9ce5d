import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NewsQueue, type NewsFeedJob, type NewsLinkJob } from './news-queues.js';
import { NewsSourcesService } from './news-sources.service.js';

/** Enqueues a crawl of every crawlable feed, and a re-link of recent mentions, for one time slot. */
@Injectable()
export class NewsCrawlService {
  constructor(
    private readonly sources: NewsSourcesService,
    @InjectQueue(NewsQueue.Feed) private readonly feeds: Queue<NewsFeedJob>,
    @InjectQueue(NewsQueue.Link) private readonly links: Queue<NewsLinkJob>,
  ) {}

  /** One job per feed; the job id makes a second enqueue of the same slot (another replica's tick) a no-op. */
  async enqueue(slot: string): Promise<number> {
    const sources = await this.sources.crawlable();
    await this.feeds.addBulk(
      sources.map((s) => ({ name: 'feed', data: { source: s.key, slot }, opts: { jobId: `news:${s.key}:${slot}` } })),
    );
    await this.links.add('relink', { slot }, { jobId: `news-relink|${slot}` });
    return sources.length;
  }
}
