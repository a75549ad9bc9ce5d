import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AlertQueue, type MailJob } from './alert-queues.js';
import { MailOutbox } from './mail-outbox.js';

@Processor(AlertQueue.Mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly outbox: MailOutbox) {
    super();
  }

  process(job: Job<MailJob>): Promise<string> {
    const attempt = job.attemptsMade + 1;
    return this.outbox.deliver(job.data.deliveryId, attempt, attempt >= (job.opts.attempts ?? 1));
  }
}
