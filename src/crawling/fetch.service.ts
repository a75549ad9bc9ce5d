import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { CaptchaService } from './captcha.service.js';
import { CrawlRunsService } from './crawl-runs.service.js';
import { PageStore } from './page-store.service.js';
import { PoliteFetcher } from './polite-fetcher.js';
import { QueueName, type FetchJob, type ParseJob } from './queue-names.js';

/** One polite request: fetch, keep the raw page, hand it to the parse queue. */
@Injectable()
export class FetchService {
  /** Jobs per court this process holds (fetching, or next in line): more step aside instead of taking a slot. */
  private readonly held = new Map<string, number>();

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly fetcher: PoliteFetcher,
    private readonly pages: PageStore,
    private readonly runs: CrawlRunsService,
    private readonly captcha: CaptchaService,
    @InjectQueue(QueueName.Parse) private readonly parseQueue: Queue<ParseJob>,
  ) {}

  async handle(job: Job<FetchJob>, token?: string): Promise<string> {
    const { court, url, purpose, runId, pageNo, caseKey } = job.data;
    const held = this.held.get(court) ?? 0;
    if (held >= 2) {
      // The per-court limiter would make this job wait anyway; waiting in the delayed set keeps the
      // worker's slots for other courts.
      const spread = Math.max(this.env.CRAWL_MIN_INTERVAL_MS, 50) * (1 + Math.random() * 3);
      await job.moveToDelayed(Math.ceil(Date.now() + spread), token); // whole ms: Postgres-backed queues store a bigint
      throw new DelayedError();
    }
    this.held.set(court, held + 1);
    try {
      const target = purpose === 'listing' ? await this.captcha.withSolution(court, url) : url;
      const page = await this.fetcher.fetch(target, { key: court });
      const pageId = await this.pages.save(page, court);
      await this.parseQueue.add(purpose, { court, pageId, purpose, runId, pageNo, caseKey }, { jobId: `parse|${pageId}|${runId ?? 'card'}|${pageNo ?? 0}` });
      return pageId;
    } finally {
      const left = (this.held.get(court) ?? 1) - 1;
      if (left > 0) this.held.set(court, left);
      else this.held.delete(court);
    }
  }

  /** Called once a job has used all its attempts: its search must not look complete. */
  async giveUp(job: Job<FetchJob>, error: Error): Promise<void> {
    if (job.data.runId) await this.runs.failRun(job.data.runId, job.data.pageNo ?? 1, `fetch failed: ${error.message}`);
  }
}
