import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NewsFeedService, type FeedCrawl } from './news-feed.service.js';
import { NewsQueue, type NewsFeedJob } from './news-queues.js';
import { newsWorkerOptions } from './news-worker-options.js';

@Processor(NewsQueue.Feed, newsWorkerOptions('feed'))
export class NewsFeedProcessor extends WorkerHost {
  constructor(private readonly feeds: NewsFeedService) {
    super();
  }

  process(job: Job<NewsFeedJob>): Promise<FeedCrawl> {
    return this.feeds.crawl(job.data);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<NewsFeedJob> | undefined, error: Error): Promise<void> {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) await this.feeds.giveUp(job.data, error);
  }
}
