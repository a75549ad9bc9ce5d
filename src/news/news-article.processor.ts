import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NewsArticleService, type ArticleOutcome } from './news-article.service.js';
import { NewsQueue, type NewsArticleJob } from './news-queues.js';
import { newsWorkerOptions } from './news-worker-options.js';

@Processor(NewsQueue.Article, newsWorkerOptions('article'))
export class NewsArticleProcessor extends WorkerHost {
  constructor(private readonly articles: NewsArticleService) {
    super();
  }

  process(job: Job<NewsArticleJob>): Promise<ArticleOutcome> {
    return this.articles.handle(job.data.itemId);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<NewsArticleJob> | undefined, error: Error): Promise<void> {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) await this.articles.giveUp(job.data.itemId, error);
  }
}
