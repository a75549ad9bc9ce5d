import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NewsCaseLinker } from './news-case-linker.js';
import { NewsQueue, type NewsLinkJob } from './news-queues.js';
import { newsWorkerOptions } from './news-worker-options.js';

@Processor(NewsQueue.Link, newsWorkerOptions('link'))
export class NewsLinkProcessor extends WorkerHost {
  constructor(private readonly linker: NewsCaseLinker) {
    super();
  }

  process(_job: Job<NewsLinkJob>): Promise<number> {
    return this.linker.relinkRecent();
  }
}
