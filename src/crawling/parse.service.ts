import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { parsePage } from '../../scrapers/sudrf/parse-page.js';
import type { Instance, ParsedPage } from '../../scrapers/sudrf/types.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { WeeklyCountsUpdater } from '../trends/weekly-counts.updater.js';
import { CaseIngestService } from '../verdicts/case-ingest.service.js';
import { CaptchaService } from './captcha.service.js';
import { CrawlRunsService } from './crawl-runs.service.js';
import { PageStore } from './page-store.service.js';
import { QueueName, type FetchJob, type ParseJob } from './queue-names.js';

/** Classifies and parses one stored page, stores what it says and enqueues what it points to. */
@Injectable()
export class ParseService {
  private readonly log = new Logger(ParseService.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly pages: PageStore,
    private readonly runs: CrawlRunsService,
    private readonly ingest: CaseIngestService,
    private readonly counts: WeeklyCountsUpdater,
    private readonly captcha: CaptchaService,
    @InjectQueue(QueueName.Fetch) private readonly fetchQueue: Queue<FetchJob>,
  ) {}

  /**
   * `followUps: false` re-reads a stored page without asking the site for anything (reparse). `retry`: an
   * earlier try of this job may have stored the rows and died before recounting their weeks (a SIGKILLed
   * worker), so the weeks of every row are recounted, not only those of rows that changed now.
   */
  async handle(job: ParseJob, followUps = true, retry = false): Promise<string> {
    const page = await this.pages.load(job.pageId);
    let parsed: ParsedPage;
    try {
      parsed = parsePage(page.body, page.url, page.headers['content-type']);
    } catch (err) {
      // A page the parser cannot read is kept and marked; its run ends 'unknown', never as zero rows.
      const message = err instanceof Error ? err.message : String(err);
      await this.pages.mark(page.id, 'unknown', 'parser failed', message);
      if (job.runId) await this.runs.recordPage({ runId: job.runId, pageNo: job.pageNo ?? 1, pageId: page.id, kind: 'unknown', rows: 0, siteTotal: null, hasNext: false, problems: [`parser failed: ${message}`] });
      return 'unknown';
    }
    if (parsed.kind === 'unknown' && page.status >= 500) parsed = { ...parsed, kind: 'down', reason: `HTTP ${page.status}` };
    await this.pages.mark(page.id, parsed.kind, parsed.reason, null);
    return job.purpose === 'card' ? this.handleCard(job, page.id, parsed, retry) : this.handleListing(job, page.id, page.url, parsed, followUps, retry);
  }

  private async handleListing(job: ParseJob, pageId: string, pageUrl: string, parsed: ParsedPage, followUps: boolean, retry: boolean): Promise<string> {
    const runId = job.runId!;
    const pageNo = job.pageNo ?? 1;
    const instance = runId.split('|')[1] as Instance;
    const listing = parsed.kind === 'listing' ? parsed.listing! : null;
    if (parsed.kind === 'captcha') await this.captcha.recordChallenge(job.court, parsed.captcha, pageId, pageUrl);
    if (listing) {
      const { rows: ingested, touchedDates } = await this.ingest.ingestListing(job.court, instance, listing.rows, pageId, retry);
      await this.counts.refreshCourt(job.court, touchedDates);
      if (followUps && listing.nextPageUrl) {
        await this.fetchQueue.add(
          'listing',
          { court: job.court, url: listing.nextPageUrl, purpose: 'listing', runId, pageNo: pageNo + 1 },
          { jobId: `fetch|${runId}|${pageNo + 1}` },
        );
      }
      if (followUps && this.env.CRAWL_FETCH_CARDS) {
        const cards = ingested.filter((r) => r.changed && r.cardUrl);
        await this.fetchQueue.addBulk(
          cards.map((r) => ({
            name: 'card',
            data: { court: job.court, url: r.cardUrl!, purpose: 'card' as const, caseKey: { caseNumber: r.caseNumber, instance } },
            // One card fetch per state of the case, however many searches list it.
            opts: { jobId: `card|${job.court}|${instance}|${r.caseNumber}|${r.hash}` },
          })),
        );
      }
    }
    await this.runs.recordPage({
      runId,
      pageNo,
      pageId,
      kind: parsed.kind,
      rows: listing?.rows.length ?? 0,
      siteTotal: listing?.total ?? (parsed.kind === 'empty' ? 0 : null),
      hasNext: Boolean(listing?.nextPageUrl),
      problems: listing?.problems ?? (parsed.kind === 'listing' || parsed.kind === 'empty' ? [] : [parsed.reason]),
    });
    return parsed.kind;
  }

  private async handleCard(job: ParseJob, pageId: string, parsed: ParsedPage, retry: boolean): Promise<string> {
    if (parsed.kind !== 'card' || !parsed.card) {
      this.log.warn(`card page ${pageId} of ${job.court} is ${parsed.kind}: ${parsed.reason}`);
      return parsed.kind;
    }
    const instance = (job.caseKey?.instance ?? parsed.card.instance ?? 'first') as Instance;
    const touched = await this.ingest.ingestCard(job.court, instance, { ...parsed.card, caseNumber: job.caseKey?.caseNumber ?? parsed.card.caseNumber }, pageId, retry);
    await this.counts.refreshCourt(job.court, touched);
    return 'card';
  }
}
