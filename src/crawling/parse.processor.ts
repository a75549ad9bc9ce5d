import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { ParseService } from './parse.service.js';
import { workerOptions } from './worker-options.js';
import { QueueName, type ParseJob } from './queue-names.js';

@Processor(QueueName.Parse, workerOptions('parse'))
export class ParseProcessor extends WorkerHost {
  constructor(private readonly parse: ParseService) {
    super();
  }

  process(job: Job<ParseJob>): Promise<string> {
    // A job that failed or stalled before (its worker died) may have stored rows it never counted.
    return this.parse.handle(job.data, true, job.attemptsMade > 0 || job.stalledCounter > 0);
  }
}
