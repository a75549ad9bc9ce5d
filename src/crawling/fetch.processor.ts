import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { FetchService } from './fetch.service.js';
import { workerOptions } from './worker-options.js';
import { QueueName, type FetchJob } from './queue-names.js';

@Processor(QueueName.Fetch, workerOptions('fetch'))
export class FetchProcessor extends WorkerHost {
  constructor(private readonly fetch: FetchService) {
    super();
  }

  process(job: Job<FetchJob>, token?: string): Promise<string> {
    return this.fetch.handle(job, token);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<FetchJob> | undefined, error: Error): Promise<void> {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) await this.fetch.giveUp(job, error);
  }
}
