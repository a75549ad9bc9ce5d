import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { addDays, formatIsoDate } from '../common/iso-week.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { crawlSlot } from './crawl-slot.js';
import { CrawlService } from './crawl.service.js';

/**
 * On each CRAWL_SCHEDULE tick, enqueue a crawl of every court over the last CRAWL_REVISIT_WEEKS weeks
 * (courts publish late). It only enqueues; the slot in the job id makes every replica's tick one job.
 */
@Injectable()
export class CrawlScheduler implements OnApplicationBootstrap {
  private readonly log = new Logger(CrawlScheduler.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly crawl: CrawlService,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    // Built at run time because the schedule is a setting; the registry stops it on shutdown.
    const job: CronJob = CronJob.from({
      cronTime: this.env.CRAWL_SCHEDULE,
      timeZone: 'UTC',
      onTick: () => void this.tick(job.lastDate() ?? new Date()).catch((e) => this.log.error(e)),
    });
    this.registry.addCronJob('crawl', job);
    job.start();
  }

  async tick(at: Date): Promise<number> {
    const to = formatIsoDate(at);
    const from = addDays(to, -7 * this.env.CRAWL_REVISIT_WEEKS);
    const n = await this.crawl.enqueue(from, to, crawlSlot(at));
    this.log.log(`tick ${crawlSlot(at)}: ${n} courts enqueued for ${from}..${to}`);
    return n;
  }
}
