import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { CronJob } from 'cron';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { crawlSlot } from '../crawling/crawl-slot.js';
import { AlertQueue, type DigestJob } from './alert-queues.js';
import { AlertsService } from './alerts.service.js';

/**
 * The alert ticks (UTC): a detection run on ALERT_SCHEDULE, digests on the two digest schedules. Enqueue
 * only; the slot in the job id makes every replica's tick one job.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap {
  private readonly log = new Logger(AlertScheduler.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly alerts: AlertsService,
    private readonly registry: SchedulerRegistry,
    @InjectQueue(AlertQueue.Digest) private readonly digests: Queue<DigestJob>,
  ) {}

  onApplicationBootstrap(): void {
    this.every('alerts-detect', this.env.ALERT_SCHEDULE, () => this.alerts.request('weekly tick'));
    this.every('alerts-daily-digest', this.env.ALERT_DAILY_DIGEST_SCHEDULE, (at) => this.digest('daily', at));
    this.every('alerts-weekly-digest', this.env.ALERT_WEEKLY_DIGEST_SCHEDULE, (at) => this.digest('weekly', at));
  }

  async digest(frequency: DigestJob['frequency'], at: Date): Promise<void> {
    await this.digests.add('digest', { frequency }, { jobId: `digest-${frequency}-${crawlSlot(at)}` });
  }

  private every(name: string, cronTime: string, tick: (at: Date) => Promise<void>): void {
    const job: CronJob = CronJob.from({
      cronTime,
      timeZone: 'UTC',
      onTick: () => void tick(job.lastDate() ?? new Date()).catch((e: Error) => this.log.error(`${name}: ${e.message}`)),
    });
    this.registry.addCronJob(name, job);
    job.start();
  }
}
