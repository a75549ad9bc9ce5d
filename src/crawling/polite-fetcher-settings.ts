import type { Env } from '../config/env.schema.js';
import type { PoliteFetcherSettings } from './polite-fetcher.js';

/** The fetcher settings every polite fetcher of the service (courts, news) is built with. */
export function politeFetcherSettings(env: Env): PoliteFetcherSettings {
  return {
    userAgent: env.USER_AGENT,
    timeoutMs: env.CRAWL_TIMEOUT_MS,
    retries: env.CRAWL_RETRIES,
    backoffBaseMs: env.CRAWL_BACKOFF_BASE_MS,
    backoffMaxMs: env.CRAWL_BACKOFF_MAX_MS,
    retryAfterMaxMs: env.CRAWL_RETRY_AFTER_MAX_MS,
    proxyUrl: env.HTTP_PROXY_URL,
  };
}
