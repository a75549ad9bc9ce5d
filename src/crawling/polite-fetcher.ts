// One polite HTTP GET against a slow, fragile court site (undici 7).
//
// - Every request, first try, retry and redirect hop alike, takes a turn from the RateLimiter
//   for the court's key, so retries are as polite as first tries and the pause holds across
//   worker processes when the limiter is a RedisRateLimiter.
// - Each try ends within timeoutMs, whatever happens (connect, headers and body together).
// - Network errors, timeouts, 5xx, 408 and 429 are retried up to `retries` tries in all. The wait
//   is Retry-After (seconds or an HTTP date, capped at retryAfterMaxMs) when the site sends one,
//   else exponential backoff with full jitter. The wait is handed to the limiter as the key's
//   pause, so every worker backs off from that court, not only this one.
// - After the last try an HTTP status is returned as it is (the caller stores and classifies the
//   page); a network failure throws FetchFailedError.
// - The body is returned as raw bytes: a gzip/deflate/br content-coding is undone, the charset
//   (windows-1251 on court sites) never is; that is the parser's job (TextDecoder).
// - TLS is always verified. Extra roots (the Russian Trusted Root CA) come from
//   NODE_EXTRA_CA_CERTS, which Node reads at start-up and undici's TLS connections use.
// - Logs carry the key, origin and path, never query strings or bodies.

import { promisify } from 'node:util';
import { setMaxListeners } from 'node:events';
import * as zlib from 'node:zlib';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import type { RateLimiter, Release } from './rate-limiter.js';

export interface PoliteFetcherSettings {
  /** A browser-like User-Agent (court WAFs answer 403 to curl-like ones). */
  userAgent: string;
  /** Upper bound of one try: connect, response headers and body together. */
  timeoutMs: number;
  /** Tries in all (first try included), at least 1. */
  retries: number;
  /** Backoff: the n-th retry waits a random time in [0, min(backoffMaxMs, backoffBaseMs * 2^(n-1))]. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Longest Retry-After honoured; longer values are cut to this. */
  retryAfterMaxMs: number;
  /** Outbound proxy, e.g. `http://user:pass@proxy.example:3128` (HTTPS targets go through CONNECT). */
  proxyUrl?: string;
  /** Redirects followed per fetch (default 5); each hop is a polite request of its own. */
  maxRedirects?: number;
  /** Largest body accepted, before and after content decoding (default 32 MiB). */
  maxBodyBytes?: number;
  /** Receives one line per retry or failure; never URLs with queries, never bodies. */
  logger?: FetchLogger;
}

export interface FetchLogger {
  debug?(message: string): void;
  warn(message: string): void;
}

export interface FetchOptions {
  /** Rate-limit key: the court code (not the host). */
  key: string;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since; they override the defaults. */
  headers?: Record<string, string>;
  /** Abandon the fetch (waiting for a turn, waiting to retry, or in flight). */
  signal?: AbortSignal;
}

export interface FetchedPage {
  /** The URL that answered (after redirects). */
  url: string;
  /** The URL asked for. */
  requestedUrl: string;
  status: number;
  /** Response headers, names in lower case, repeated headers joined with ", ". Content-Encoding
   *  and Content-Length are dropped when a content-coding was undone (they describe the wire). */
  headers: Record<string, string>;
  /** Raw bytes of the entity: never charset-decoded. */
  body: Buffer;
  /** When the final response was complete. */
  fetchedAt: Date;
  /** Tries used (1 = first try succeeded); redirect hops are not tries. */
  attempts: number;
  /** Duration of the final request (request sent to body read): the court's latency. */
  durationMs: number;
  /** Whole fetch, including waits for turns and retries. */
  totalMs: number;
}

/** Why a fetch failed without any HTTP response to return. */
export type FetchFailureReason = 'network' | 'timeout' | 'tls' | 'too-large' | 'invalid' | 'aborted';

export class FetchFailedError extends Error {
  override readonly name = 'FetchFailedError';

  constructor(
    message: string,
    /** Origin and path only, no query. */
    readonly safeUrl: string,
    readonly key: string,
    readonly attempts: number,
    readonly reason: FetchFailureReason,
    /** Whether trying again later may help (false for TLS, size, bad URL). */
    readonly retryable: boolean,
    /** Error code of the underlying failure when there is one (ECONNREFUSED, UND_ERR_..., CERT_...). */
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

const RETRYABLE_STATUS = new Set([408, 429]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const TLS_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const DEFAULT_HEADERS: Record<string, string> = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'ru-RU,ru;q=0.9,en-US;q=0.6,en;q=0.5',
  'accept-encoding': 'gzip, deflate, br',
};

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

class AttemptTimeout extends Error {
  override readonly name = 'AttemptTimeout';
  readonly code = 'ETIMEDOUT';
}

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  durationMs: number;
  fetchedAt: Date;
}

export class PoliteFetcher {
  private readonly dispatcher: Dispatcher;
  private readonly closing = new AbortController();
  private closed: Promise<void> | null = null;
  private readonly maxRedirects: number;
  private readonly maxBodyBytes: number;

  constructor(
    private readonly settings: PoliteFetcherSettings,
    private readonly limiter: RateLimiter,
  ) {
    // Every fetch in flight listens on the closing signal; there are as many as the worker's concurrency.
    setMaxListeners(0, this.closing.signal);
    const { timeoutMs, retries, backoffBaseMs, backoffMaxMs, retryAfterMaxMs } = settings;
    if (!settings.userAgent?.trim()) throw new RangeError('userAgent must not be empty');
    if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
    if (!Number.isInteger(retries) || retries < 1) throw new RangeError('retries must be an integer >= 1');
    if (!(backoffBaseMs >= 0) || !(backoffMaxMs >= 0) || !(retryAfterMaxMs >= 0)) {
      throw new RangeError('backoffBaseMs, backoffMaxMs and retryAfterMaxMs must be >= 0');
    }
    this.maxRedirects = settings.maxRedirects ?? 5;
    this.maxBodyBytes = settings.maxBodyBytes ?? 32 * 1024 * 1024;

    const common = {
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      maxResponseSize: this.maxBodyBytes,
    };
    if (settings.proxyUrl) {
      let proxy: URL;
      try {
        proxy = new URL(settings.proxyUrl);
      } catch {
        throw new RangeError('proxyUrl is not a valid URL'); // never echo it: it may hold a password
      }
      if (!['http:', 'https:', 'socks5:', 'socks:'].includes(proxy.protocol)) {
        throw new RangeError(`proxyUrl scheme ${proxy.protocol} is not supported (http, https, socks5)`);
      }
      this.dispatcher = new ProxyAgent({ uri: settings.proxyUrl, ...common });
    } else {
      this.dispatcher = new Agent({ ...common, connect: { timeout: timeoutMs } });
    }
  }

  async fetch(url: string, options: FetchOptions): Promise<FetchedPage> {
    const started = performance.now();
    const { key } = options;
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    let current: URL;
    try {
      current = new URL(url);
    } catch (error) {
      throw new FetchFailedError('invalid URL', '(invalid URL)', key, 0, 'invalid', false, 'ERR_INVALID_URL', {
        cause: error,
      });
    }
    const requestedUrl = current.href;
    const headers = this.requestHeaders(options.headers);
    let failures = 0;
    let hops = 0;

    for (;;) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new FetchFailedError(
          `unsupported scheme ${current.protocol}`,
          safeUrl(current),
          key,
          failures + 1,
          'invalid',
          false,
          'ERR_INVALID_URL',
          { cause: undefined },
        );
      }
      const tryNo = failures + 1;
      let release: Release;
      try {
        release = await this.limiter.acquire(key, { signal });
      } catch (error) {
        if (signal.aborted) throw this.failure(current, key, tryNo - 1, error, signal);
        throw error; // the limiter itself failed (e.g. Redis down): not a fetch failure
      }

      let exchange: Exchange | undefined;
      let error: unknown;
      try {
        exchange = await this.exchange(current, headers, signal);
      } catch (caught) {
        error = caught;
      }

      const last = tryNo >= this.settings.retries;
      let pauseMs = 0;
      let retry = false;
      if (exchange) {
        if (isRetryableStatus(exchange.status)) {
          const retryAfter = parseRetryAfter(exchange.headers['retry-after']);
          pauseMs =
            retryAfter !== null ? Math.min(retryAfter, this.settings.retryAfterMaxMs) : this.backoff(tryNo);
          retry = !last;
        }
      } else if (!signal.aborted && isRetryableError(error)) {
        pauseMs = this.backoff(tryNo);
        retry = !last;
      }
      await this.release(release, key, pauseMs);

      if (exchange) {
        const location = exchange.headers.location;
        if (REDIRECT_STATUS.has(exchange.status) && location && hops < this.maxRedirects) {
          hops += 1;
          try {
            current = new URL(location, current);
          } catch {
            return this.page(current, requestedUrl, exchange, tryNo, started);
          }
          continue;
        }
        if (retry) {
          this.log(
            'debug',
            `${key} ${safeUrl(current)}: HTTP ${exchange.status} on try ${tryNo}/${this.settings.retries}, ` +
              `retrying after ${pauseMs} ms`,
          );
          failures += 1;
          continue;
        }
        if (isRetryableStatus(exchange.status)) {
          this.log('warn', `${key} ${safeUrl(current)}: HTTP ${exchange.status} after ${tryNo} tries, giving up`);
        }
        return this.page(current, requestedUrl, exchange, tryNo, started);
      }

      if (retry) {
        this.log(
          'debug',
          `${key} ${safeUrl(current)}: ${describe(error)} on try ${tryNo}/${this.settings.retries}, ` +
            `retrying after ${pauseMs} ms`,
        );
        failures += 1;
        continue;
      }
      const failure = this.failure(current, key, tryNo, error, signal);
      this.log('warn', failure.message);
      throw failure;
    }
  }

  /** Abandons waits and requests in flight, then closes the connection pool. */
  close(): Promise<void> {
    if (!this.closed) {
      this.closing.abort(new Error('PoliteFetcher closed'));
      this.closed = this.dispatcher.close();
    }
    return this.closed;
  }

  private requestHeaders(extra: Record<string, string> | undefined): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': this.settings.userAgent, ...DEFAULT_HEADERS };
    for (const [name, value] of Object.entries(extra ?? {})) headers[name.toLowerCase()] = value;
    return headers;
  }

  private async exchange(url: URL, headers: Record<string, string>, outer: AbortSignal): Promise<Exchange> {
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort(outer.reason);
    if (outer.aborted) throw outer.reason;
    outer.addEventListener('abort', onOuterAbort, { once: true });
    const { timeoutMs } = this.settings;
    const timer = setTimeout(
      () => controller.abort(new AttemptTimeout(`no complete answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const sent = performance.now();
    try {
      const response = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        signal: controller.signal,
      });
      const wire = Buffer.from(await response.body.arrayBuffer());
      const responseHeaders = flattenHeaders(response.headers);
      const body = await this.decode(wire, responseHeaders);
      return {
        status: response.statusCode,
        headers: responseHeaders,
        body,
        durationMs: Math.round(performance.now() - sent),
        fetchedAt: new Date(),
      };
    } catch (error) {
      // undici rejects with the abort reason; make our own deadline recognisable.
      if (controller.signal.aborted && controller.signal.reason instanceof AttemptTimeout) {
        throw controller.signal.reason;
      }
      throw error;
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onOuterAbort);
    }
  }

  /** Undoes a content-coding (not the charset); drops the wire headers it invalidates. */
  private async decode(wire: Buffer, headers: Record<string, string>): Promise<Buffer> {
    const coding = headers['content-encoding'];
    if (!coding) return wire;
    const codings = coding
      .split(',')
      .map((c) => c.trim().toLowerCase())
      .filter((c) => c && c !== 'identity');
    const limit = { maxOutputLength: this.maxBodyBytes };
    let body = wire;
    for (const c of codings.reverse()) {
      if (c === 'gzip' || c === 'x-gzip') body = await gunzip(body, limit);
      else if (c === 'br') body = await brotli(body, limit);
      else if (c === 'deflate') {
        try {
          body = await inflate(body, limit);
        } catch {
          body = await inflateRaw(body, limit); // some servers send raw deflate
        }
      } else return wire; // unknown coding: leave bytes and headers as they came
    }
    delete headers['content-encoding'];
    delete headers['content-length'];
    return body;
  }

  private page(url: URL, requestedUrl: string, exchange: Exchange, attempts: number, started: number): FetchedPage {
    return {
      url: url.href,
      requestedUrl,
      status: exchange.status,
      headers: exchange.headers,
      body: exchange.body,
      fetchedAt: exchange.fetchedAt,
      attempts,
      durationMs: exchange.durationMs,
      totalMs: Math.round(performance.now() - started),
    };
  }

  private backoff(tryNo: number): number {
    const { backoffBaseMs, backoffMaxMs } = this.settings;
    const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (tryNo - 1));
    return Math.round(Math.random() * ceiling);
  }

  private async release(release: Release, key: string, pauseMs: number): Promise<void> {
    try {
      await release(pauseMs > 0 ? { pauseMs } : undefined);
    } catch (error) {
      // The turn's lease will run out on its own; the fetched page is still good.
      this.log('warn', `${key}: could not release the rate-limit turn (${describe(error)})`);
    }
  }

  private failure(url: URL, key: string, attempts: number, error: unknown, signal: AbortSignal): FetchFailedError {
    const code = errorCode(error);
    const safe = safeUrl(url);
    let reason: FetchFailureReason;
    let retryable = true;
    let detail = describe(error);
    if (signal.aborted) {
      reason = 'aborted';
      detail = 'aborted';
    } else if (error instanceof AttemptTimeout) {
      reason = 'timeout';
    } else if (code && TLS_CODES.has(code)) {
      reason = 'tls';
      retryable = false;
      detail += ' (is NODE_EXTRA_CA_CERTS set to the Russian Trusted Root CA bundle? see docs/crawling-real-sites.md)';
    } else if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE' || code === 'ERR_BUFFER_TOO_LARGE') {
      reason = 'too-large';
      retryable = false;
    } else if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') {
      reason = 'invalid';
      retryable = false;
    } else {
      reason = 'network';
    }
    const tries = attempts === 1 ? '1 try' : `${attempts} tries`;
    const message = `GET ${safe} (${key}) failed after ${tries}: ${detail}`;
    return new FetchFailedError(message, safe, key, attempts, reason, retryable, code, { cause: error });
  }

  private log(level: 'debug' | 'warn', message: string): void {
    const logger = this.settings.logger;
    if (!logger) return;
    if (level === 'debug') logger.debug?.(`polite-fetcher: ${message}`);
    else logger.warn(`polite-fetcher: ${message}`);
  }
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || RETRYABLE_STATUS.has(status);
}

function isRetryableError(error: unknown): boolean {
  if (error instanceof AttemptTimeout) return true;
  const code = errorCode(error);
  if (code && TLS_CODES.has(code)) return false;
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE' || code === 'ERR_BUFFER_TOO_LARGE') return false;
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') return false;
  return true;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or bad. */
function parseRetryAfter(value: string | undefined): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - Date.now());
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Origin and path: what may appear in logs and errors (queries could one day carry names). */
function safeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = errorCode(error);
    const message = error.message || error.name;
    return code && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}
