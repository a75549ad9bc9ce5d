import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { RawPage } from '../crawling/page-store.service.js';
import { politeFetcherSettings } from '../crawling/polite-fetcher-settings.js';
import { PoliteFetcher } from '../crawling/polite-fetcher.js';
import { RATE_LIMITER } from '../crawling/rate-limiter.token.js';
import type { RateLimiter } from '../crawling/rate-limiter.js';
import { NewsUrl } from './news-url.js';

/** Validators from the last good answer, sent back as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  article: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
} as const;

/**
 * Polite GETs of news feeds and article pages: the court crawl's PoliteFetcher settings and its
 * shared RateLimiter, keyed by the outlet's host. A 304 comes back as it is. The page carries the
 * URL as published (NEWS_BASE_URL may send the request to a mirror).
 */
@Injectable()
export class NewsFetcher implements OnApplicationShutdown {
  private readonly fetcher: PoliteFetcher;
  private readonly urls: NewsUrl;

  constructor(@Inject(ENV) env: Env, @Inject(RATE_LIMITER) limiter: RateLimiter) {
    this.urls = new NewsUrl(env.NEWS_BASE_URL);
    this.fetcher = new PoliteFetcher(politeFetcherSettings(env), limiter);
  }

  async get(url: string, kind: keyof typeof ACCEPT, validators?: Validators): Promise<RawPage> {
    const headers: Record<string, string> = { accept: ACCEPT[kind] };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const page = await this.fetcher.fetch(this.urls.toFetch(url), { key: NewsUrl.hostKey(url), headers });
    const answered = this.urls.toPublished(page.url);
    return { url: page.url === page.requestedUrl ? url : answered, status: page.status, headers: page.headers, body: page.body, fetchedAt: page.fetchedAt };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fetcher.close();
  }
}
