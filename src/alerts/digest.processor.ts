import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AlertQueue, type DigestJob } from './alert-queues.js';
import { DigestService } from './digest.service.js';

@Processor(AlertQueue.Digest, { concurrency: 1 })
export class DigestProcessor extends WorkerHost {
  constructor(private readonly digests: DigestService) {
    super();
  }

  process(job: Job<DigestJob>): Promise<number> {
    return this.digests.send(job.data.frequency);
  }
}
