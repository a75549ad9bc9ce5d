import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { buildSearchUrl } from '../../scrapers/sudrf/search-url.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { courtSiteUrl } from './court-site-url.js';
import { planSearches, type PlannedSearch } from './crawl-planner.js';
import { CrawlRunsService } from './crawl-runs.service.js';
import { CourtsService } from './courts.service.js';
import { QueueName, type CrawlJob, type FetchJob } from './queue-names.js';

/** Turns "crawl this court over this window" into searches, their crawl_runs rows and first-page fetches. */
@Injectable()
export class CrawlService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly courts: CourtsService,
    private readonly runs: CrawlRunsService,
    @InjectQueue(QueueName.Crawl) private readonly crawlQueue: Queue<CrawlJob>,
    @InjectQueue(QueueName.Fetch) private readonly fetchQueue: Queue<FetchJob>,
  ) {}

  /** Enqueues one crawl job per court; the job id makes a second enqueue of the same slot a no-op. */
  async enqueue(from: string, to: string, slot: string, only?: string[]): Promise<number> {
    const courts = await this.courts.crawlable(only);
    await this.crawlQueue.addBulk(
      courts.map((c) => ({
        name: 'crawl',
        data: { court: c.code, from, to, slot },
        opts: { jobId: `crawl:${c.code}:${slot}` },
      })),
    );
    return courts.length;
  }

  async plan(job: CrawlJob): Promise<number> {
    const court = this.courts.get(job.court);
    const searches = planSearches(court, {
      from: job.from,
      to: job.to,
      slot: job.slot,
      windowWeeks: this.env.CRAWL_WINDOW_WEEKS,
      articles: this.env.CRAWL_ARTICLES,
      appeals: this.env.CRAWL_APPEALS,
    });
    await this.runs.open(searches, job.slot);
    await this.fetchQueue.addBulk(
      searches.map((s) => ({
        name: 'listing',
        data: { court: s.court, url: this.searchUrl(s, 1), purpose: 'listing' as const, runId: s.runId, pageNo: 1 },
        opts: { jobId: `fetch|${s.runId}|1` },
      })),
    );
    return searches.length;
  }

  searchUrl(s: PlannedSearch, page: number): string {
    const court = this.courts.get(s.court);
    const window =
      s.dateField === 'decided'
        ? { decidedFrom: s.windowFrom, decidedTo: s.windowTo }
        : { receivedFrom: s.windowFrom, receivedTo: s.windowTo };
    return buildSearchUrl(courtSiteUrl(this.env.COURT_BASE_URL, court), court, {
      instance: s.instance,
      article: s.article,
      ...window,
      page,
    });
  }
}
