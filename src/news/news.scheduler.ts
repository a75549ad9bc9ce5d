import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { crawlSlot } from '../crawling/crawl-slot.js';
import { NewsCrawlService } from './news-crawl.service.js';

/** On each NEWS_SCHEDULE tick (UTC), enqueue every feed. It only enqueues; the slot in the job ids makes every replica's tick one job. */
@Injectable()
export class NewsScheduler implements OnApplicationBootstrap {
  private readonly log = new Logger(NewsScheduler.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly crawl: NewsCrawlService,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const job: CronJob = CronJob.from({
      cronTime: this.env.NEWS_SCHEDULE,
      timeZone: 'UTC',
      onTick: () => void this.tick(job.lastDate() ?? new Date()).catch((e: Error) => this.log.error(`news tick: ${e.message}`)),
    });
    this.registry.addCronJob('news', job);
    job.start();
  }

  async tick(at: Date): Promise<number> {
    const n = await this.crawl.enqueue(crawlSlot(at));
    this.log.log(`tick ${crawlSlot(at)}: ${n} feeds enqueued`);
    return n;
  }
}
