import { BullModule } from '@nestjs/bullmq';

/** The news queues: one kind of work each, so no processor switches on job names. */
export const NewsQueue = { Feed: 'news-feeds', Article: 'news-articles', Link: 'news-links' } as const;
export const newsQueues = Object.values(NewsQueue);

/** Fetch and read one feed. Job id `news:<key>:<slot>`: one job per feed and tick, whatever the replicas. */
export interface NewsFeedJob {
  source: string;
  slot: string;
}

/** Fetch one relevant item's article page, extract its mentions and figures, link them. Job id `news-article|<itemId>|<slot>`. */
export interface NewsArticleJob {
  itemId: string;
}

/** Match unlinked recent mentions against the cases stored since (courts publish late). */
export interface NewsLinkJob {
  slot: string;
}

/** Registered once and shared by reference (Nest dedupes dynamic modules by identity). */
export const NewsQueuesModule = BullModule.registerQueue(...newsQueues.map((name) => ({ name })));
