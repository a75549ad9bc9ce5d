import type { CourtLevel } from '../../scrapers/sudrf/types.js';

export const QueueName = { Crawl: 'crawl', Fetch: 'fetch', Parse: 'parse' } as const;
export const crawlQueues = [QueueName.Crawl, QueueName.Fetch, QueueName.Parse] as const;

export type DateField = 'received' | 'decided';

/** Plan the searches for one court over a window. */
export interface CrawlJob {
  court: string;
  from: string;
  to: string;
  slot: string;
}

/** One polite HTTP request. `runId` ties a listing page to its search; cards have none. */
export interface FetchJob {
  court: string;
  url: string;
  purpose: 'listing' | 'card';
  runId?: string;
  pageNo?: number;
  caseKey?: { caseNumber: string; instance: string };
}

export interface ParseJob {
  court: string;
  pageId: string;
  purpose: FetchJob['purpose'];
  runId?: string;
  pageNo?: number;
  caseKey?: FetchJob['caseKey'];
}

export type { CourtLevel };
