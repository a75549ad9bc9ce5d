import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NewsQueue } from './news-queues.js';

/** Tells when the news queues have drained (for the CLI, demos and tests). */
@Injectable()
export class NewsProgressService {
  private readonly queues: Queue[];

  constructor(
    @InjectQueue(NewsQueue.Feed) feeds: Queue,
    @InjectQueue(NewsQueue.Article) articles: Queue,
    @InjectQueue(NewsQueue.Link) links: Queue,
  ) {
    this.queues = [feeds, articles, links];
  }

  async pending(): Promise<number> {
    let n = 0;
    for (const q of this.queues) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      n += Object.values(c).reduce((a, b) => a + b, 0);
    }
    return n;
  }

  /** Resolves once every news queue has been empty on two polls in a row. */
  async waitUntilIdle(pollMs = 100): Promise<void> {
    let idle = 0;
    while (idle < 2) {
      await new Promise((r) => setTimeout(r, pollMs));
      idle = (await this.pending()) === 0 ? idle + 1 : 0;
    }
  }
}
