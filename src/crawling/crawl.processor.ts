import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { CrawlService } from './crawl.service.js';
import { workerOptions } from './worker-options.js';
import { QueueName, type CrawlJob } from './queue-names.js';

@Processor(QueueName.Crawl, workerOptions('crawl'))
export class CrawlProcessor extends WorkerHost {
  constructor(private readonly crawl: CrawlService) {
    super();
  }

  process(job: Job<CrawlJob>): Promise<number> {
    return this.crawl.plan(job.data);
  }
}
