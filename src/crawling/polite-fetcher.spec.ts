import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { FetchFailedError, PoliteFetcher, type PoliteFetcherSettings } from './polite-fetcher.js';
import { MemoryRateLimiter, type RateLimiter } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

// Real HTTP servers on 127.0.0.1 and real Redis at 127.0.0.1:6379; small timings, real assertions.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `vw-test:fetcher:${randomUUID()}:`;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 verdict-watch-test';
const SLACK = 5;

// «Вынесен ПРИГОВОР» in windows-1251.
const CP1251 = Buffer.from([0xc2, 0xfb, 0xed, 0xe5, 0xf1, 0xe5, 0xed, 0x20, 0xcf, 0xd0, 0xc8, 0xc3, 0xce, 0xc2, 0xce, 0xd0]);

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  start: number;
  end: number;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

interface TestServer {
  base: string;
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}

const open: Array<{ close(): Promise<void> }> = [];

async function serve(handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const entry: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, start: performance.now(), end: NaN };
    seen.push(entry);
    res.on('finish', () => (entry.end = performance.now()));
    res.on('close', () => (entry.end = Number.isNaN(entry.end) ? performance.now() : entry.end));
    handler(req, res, seen.length);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const handle = {
    base: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.push(handle);
  return handle;
}

/** A tiny forward proxy: CONNECT tunnels and absolute-form GETs, recording what it was asked. */
async function proxy(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    requests.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream).add(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const handle = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.push(handle);
  return handle;
}

const fetchers: PoliteFetcher[] = [];

function fetcher(overrides: Partial<PoliteFetcherSettings> = {}, limiter: RateLimiter = new MemoryRateLimiter({ minIntervalMs: 0 })) {
  const f = new PoliteFetcher(
    {
      userAgent: UA,
      timeoutMs: 5000,
      retries: 3,
      backoffBaseMs: 20,
      backoffMaxMs: 100,
      retryAfterMaxMs: 5000,
      ...overrides,
    },
    limiter,
  );
  fetchers.push(f);
  return f;
}

function expectPolite(seen: Seen[], min: number) {
  const turns = [...seen].sort((a, b) => a.start - b.start);
  for (let i = 1; i < turns.length; i++) {
    expect(turns[i].start - turns[i - 1].end).toBeGreaterThanOrEqual(min - SLACK);
  }
}

let redisA: Redis;
let redisB: Redis;

beforeAll(async () => {
  redisA = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redisB = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await Promise.all([redisA.connect(), redisB.connect()]);
});

afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await Promise.all(open.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  const keys = await redisA.keys(`${PREFIX}*`);
  if (keys.length) await redisA.del(...keys);
  await Promise.all([redisA.quit(), redisB.quit()]);
});

describe('PoliteFetcher: politeness', () => {
  it('spaces two requests to one key by minInterval without overlap, across two processes (Redis)', async () => {
    const server = await serve((_req, res) => setTimeout(() => res.end('ok'), 50));
    const prefix = `${PREFIX}one-key:`;
    const one = fetcher({}, new RedisRateLimiter(redisA, { minIntervalMs: 100, leaseMs: 10_000, prefix }));
    const two = fetcher({}, new RedisRateLimiter(redisB, { minIntervalMs: 100, leaseMs: 10_000, prefix }));
    const pages = await Promise.all([
      one.fetch(`${server.base}/a`, { key: '63GV0001' }),
      two.fetch(`${server.base}/b`, { key: '63GV0001' }),
      one.fetch(`${server.base}/c`, { key: '63GV0001' }),
      two.fetch(`${server.base}/d`, { key: '63GV0001' }),
    ]);
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(server.seen).toHaveLength(4);
    expectPolite(server.seen, 100);
  }, 20_000);

  it('runs two keys in parallel on one host', async () => {
    const server = await serve((_req, res) => setTimeout(() => res.end('ok'), 300));
    const f = fetcher({}, new MemoryRateLimiter({ minIntervalMs: 100 }));
    const t0 = performance.now();
    await Promise.all([
      f.fetch(`${server.base}/x`, { key: '63GV0001' }),
      f.fetch(`${server.base}/y`, { key: '50AV0000' }),
    ]);
    const elapsed = performance.now() - t0;
    // In series: 300 + 100 + 300 = 700 ms at least. In parallel: about 300 ms.
    expect(elapsed).toBeGreaterThanOrEqual(300 - SLACK);
    expect(elapsed).toBeLessThan(650);
    const [a, b] = server.seen;
    expect(b.start).toBeLessThan(a.end);
  }, 10_000);

  it('takes a turn for every retry, so retries keep the interval too', async () => {
    const server = await serve((_req, res, n) => {
      res.statusCode = n === 1 ? 503 : 200;
      res.end();
    });
    const f = fetcher({ backoffBaseMs: 0, backoffMaxMs: 0 }, new MemoryRateLimiter({ minIntervalMs: 250 }));
    const page = await f.fetch(`${server.base}/`, { key: 'k' });
    expect(page.status).toBe(200);
    expect(page.attempts).toBe(2);
    expectPolite(server.seen, 250);
  }, 10_000);
});

describe('PoliteFetcher: retries', () => {
  it('retries a 503 and returns the success', async () => {
    const server = await serve((_req, res, n) => {
      res.statusCode = n < 3 ? 503 : 200;
      res.end(n < 3 ? 'busy' : 'fine');
    });
    const page = await fetcher().fetch(`${server.base}/list`, { key: 'k' });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe('fine');
    expect(page.attempts).toBe(3);
    expect(server.seen).toHaveLength(3);
  }, 10_000);

  it('honours Retry-After: 1 on a 429 (about one second)', async () => {
    const server = await serve((_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end();
      } else res.end('ok');
    });
    const page = await fetcher({ backoffBaseMs: 10, backoffMaxMs: 10 }).fetch(`${server.base}/`, { key: 'k' });
    expect(page.status).toBe(200);
    expect(page.attempts).toBe(2);
    const gap = server.seen[1].start - server.seen[0].end;
    expect(gap).toBeGreaterThanOrEqual(1000 - SLACK);
    expect(gap).toBeLessThan(2000);
  }, 10_000);

  it('honours Retry-After as an HTTP date', async () => {
    let until = 0;
    const server = await serve((_req, res, n) => {
      if (n === 1) {
        until = Date.now() + 2000;
        res.writeHead(503, { 'retry-after': new Date(until).toUTCString() });
        res.end();
      } else res.end('ok');
    });
    const page = await fetcher({ backoffBaseMs: 10, backoffMaxMs: 10 }).fetch(`${server.base}/`, { key: 'k' });
    expect(page.status).toBe(200);
    // The date has one-second resolution: the wait is between 1 and 2 seconds.
    const gap = server.seen[1].start - server.seen[0].end;
    expect(gap).toBeGreaterThanOrEqual(1000 - SLACK);
    expect(gap).toBeLessThan(2600);
  }, 10_000);

  it('caps Retry-After at retryAfterMaxMs', async () => {
    const server = await serve((_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '3600' });
        res.end();
      } else res.end('ok');
    });
    const t0 = performance.now();
    const page = await fetcher({ retryAfterMaxMs: 300 }).fetch(`${server.base}/`, { key: 'k' });
    expect(page.status).toBe(200);
    const gap = server.seen[1].start - server.seen[0].end;
    expect(gap).toBeGreaterThanOrEqual(300 - SLACK);
    expect(performance.now() - t0).toBeLessThan(2000);
  }, 10_000);

  it('makes a Retry-After pause every worker of the key, not only the one that saw it', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/first') {
        res.writeHead(429, { 'retry-after': '1' });
        res.end();
      } else res.end('ok');
    });
    const prefix = `${PREFIX}shared-pause:`;
    const one = fetcher({ retries: 1 }, new RedisRateLimiter(redisA, { minIntervalMs: 50, leaseMs: 10_000, prefix }));
    const two = fetcher({ retries: 1 }, new RedisRateLimiter(redisB, { minIntervalMs: 50, leaseMs: 10_000, prefix }));
    const first = await one.fetch(`${server.base}/first`, { key: 'k' });
    expect(first.status).toBe(429); // retries: 1, so returned as it is
    await two.fetch(`${server.base}/second`, { key: 'k' });
    const gap = server.seen[1].start - server.seen[0].end;
    expect(gap).toBeGreaterThanOrEqual(1000 - SLACK);
  }, 10_000);

  it('gives up after N tries and returns the last 5xx page as it is', async () => {
    const server = await serve((_req, res, n) => {
      res.writeHead(500, { 'x-try': String(n) });
      res.end(`down ${n}`);
    });
    const page = await fetcher({ retries: 3 }).fetch(`${server.base}/`, { key: 'k' });
    expect(page.status).toBe(500);
    expect(page.attempts).toBe(3);
    expect(page.headers['x-try']).toBe('3');
    expect(page.body.toString()).toBe('down 3');
    expect(server.seen).toHaveLength(3);
  }, 10_000);

  it('does not retry a 404', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    const page = await fetcher().fetch(`${server.base}/`, { key: 'k' });
    expect(page.status).toBe(404);
    expect(page.attempts).toBe(1);
    expect(server.seen).toHaveLength(1);
  });

  it('throws FetchFailedError after retries when the port is closed', async () => {
    const server = await serve(() => undefined);
    const url = `${server.base}/modules.php?name=sud_delo&secret=Иванов`;
    await server.close();
    open.splice(0);
    const messages: string[] = [];
    const logger = { debug: (m: string) => messages.push(m), warn: (m: string) => messages.push(m) };
    const error = await fetcher({ retries: 3, logger })
      .fetch(url, { key: 'k' })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FetchFailedError);
    const failed = error as FetchFailedError;
    expect(failed.attempts).toBe(3);
    expect(failed.reason).toBe('network');
    expect(failed.code).toBe('ECONNREFUSED');
    expect(failed.retryable).toBe(true);
    expect((failed.cause as { code?: string }).code).toBe('ECONNREFUSED'); // Error of another realm under jest
    // Logs and messages name the path, never the query.
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const text of [...messages, failed.message, failed.safeUrl]) {
      expect(text).not.toContain('?');
      expect(text).not.toContain('secret');
      expect(text).not.toContain('Иванов');
    }
    expect(failed.safeUrl).toBe(`${server.base}/modules.php`);
  }, 10_000);

  it('times out a server that never answers (timeoutMs 200) and retries', async () => {
    const server = await serve(() => undefined); // never responds
    const t0 = performance.now();
    const error = await fetcher({ timeoutMs: 200, retries: 2, backoffBaseMs: 0, backoffMaxMs: 0 })
      .fetch(`${server.base}/slow`, { key: 'k' })
      .then(() => null, (e: unknown) => e);
    const elapsed = performance.now() - t0;
    expect(error).toBeInstanceOf(FetchFailedError);
    expect((error as FetchFailedError).reason).toBe('timeout');
    expect((error as FetchFailedError).attempts).toBe(2);
    expect(server.seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(400 - SLACK);
    expect(elapsed).toBeLessThan(2000);
  }, 10_000);

  it('times out a body that stalls after the headers', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>'); // and nothing more
    });
    const t0 = performance.now();
    const error = await fetcher({ timeoutMs: 200, retries: 1 })
      .fetch(`${server.base}/`, { key: 'k' })
      .then(() => null, (e: unknown) => e);
    expect((error as FetchFailedError).reason).toBe('timeout');
    expect(performance.now() - t0).toBeLessThan(1500);
  }, 10_000);
});

describe('PoliteFetcher: request and response', () => {
  it('returns windows-1251 bytes untouched', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(CP1251);
    });
    const page = await fetcher().fetch(`${server.base}/card`, { key: 'k' });
    expect(Buffer.isBuffer(page.body)).toBe(true);
    expect(page.body.equals(CP1251)).toBe(true);
    expect(page.headers['content-type']).toBe('text/html; charset=windows-1251');
    expect(new TextDecoder('windows-1251').decode(page.body)).toBe('Вынесен ПРИГОВОР');
    expect(page.fetchedAt).toBeInstanceOf(Date);
    expect(page.attempts).toBe(1);
    expect(page.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('undoes gzip but not the charset', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251', 'content-encoding': 'gzip' });
      res.end(gzipSync(CP1251));
    });
    const page = await fetcher().fetch(`${server.base}/`, { key: 'k' });
    expect(page.body.equals(CP1251)).toBe(true);
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(server.seen[0].headers['accept-encoding']).toContain('gzip');
  });

  it('sends the configured User-Agent and passes conditional headers through', async () => {
    const server = await serve((req, res) => {
      res.statusCode = req.headers['if-none-match'] === '"abc"' ? 304 : 200;
      res.end();
    });
    const page = await fetcher().fetch(`${server.base}/list?page=2`, {
      key: 'k',
      headers: { 'If-None-Match': '"abc"', 'If-Modified-Since': 'Wed, 01 May 2024 10:00:00 GMT' },
    });
    expect(page.status).toBe(304);
    const seen = server.seen[0];
    expect(seen.url).toBe('/list?page=2');
    expect(seen.headers['user-agent']).toBe(UA);
    expect(seen.headers['if-none-match']).toBe('"abc"');
    expect(seen.headers['if-modified-since']).toBe('Wed, 01 May 2024 10:00:00 GMT');
    expect(seen.headers['accept-language']).toMatch(/^ru/);
  });

  it('follows a redirect politely and reports the final URL', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(302, { location: '/new?x=1' });
        res.end();
      } else res.end('here');
    });
    const f = fetcher({}, new MemoryRateLimiter({ minIntervalMs: 150 }));
    const page = await f.fetch(`${server.base}/old`, { key: 'k' });
    expect(page.status).toBe(200);
    expect(page.url).toBe(`${server.base}/new?x=1`);
    expect(page.requestedUrl).toBe(`${server.base}/old`);
    expect(page.attempts).toBe(1);
    expectPolite(server.seen, 150);
  });

  it('goes through the proxy when proxyUrl is set', async () => {
    const server = await serve((req, res) => res.end(`ua=${req.headers['user-agent']}`));
    const p = await proxy();
    const page = await fetcher({ proxyUrl: p.url }).fetch(`${server.base}/via-proxy`, { key: 'k' });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe(`ua=${UA}`);
    expect(p.requests).toHaveLength(1);
    expect(p.requests[0]).toMatch(new RegExp(`^(CONNECT 127\\.0\\.0\\.1:${server.port}|GET ${server.base}/via-proxy)$`));
    expect(server.seen).toHaveLength(1);
  });

  it('does not go through a proxy when none is set', async () => {
    const server = await serve((_req, res) => res.end('direct'));
    const p = await proxy();
    await fetcher().fetch(`${server.base}/`, { key: 'k' });
    expect(p.requests).toHaveLength(0);
  });

  it('close() abandons a fetch waiting for its turn', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const limiter = new MemoryRateLimiter({ minIntervalMs: 10_000 });
    const f = fetcher({}, limiter);
    await f.fetch(`${server.base}/`, { key: 'k' });
    const waiting = f.fetch(`${server.base}/`, { key: 'k' }).then(() => null, (e: unknown) => e);
    await delay(50);
    await f.close();
    const error = await waiting;
    expect(error).toBeInstanceOf(FetchFailedError);
    expect((error as FetchFailedError).reason).toBe('aborted');
    expect(server.seen).toHaveLength(1);
  });

  it('rejects a bad proxy URL without echoing it', () => {
    expect(() => fetcher({ proxyUrl: 'not a url with secret' })).toThrow(RangeError);
    try {
      fetcher({ proxyUrl: 'not a url with secret' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });
});

// A throw-away test CA (valid until 2126) and a server certificate for 127.0.0.1 that it signed.
// Trusted nowhere; the key exists only for these tests.
const TEST_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIB3jCCAYWgAwIBAgIUKUkXZCkOcxWiRdtzHcFzNxkOJGgwCgYIKoZIzj0EAwIw
PDE6MDgGA1UEAwwxdmVyZGljdC13YXRjaCB0ZXN0IHJvb3QgQ0EgKG5vdCB0cnVz
dGVkIGFueXdoZXJlKTAgFw0yNjExMjYxNDQ5MjRaGA8yMTI2MTEwMjE0NDkyNFow
PDE6MDgGA1UEAwwxdmVyZGljdC13YXRjaCB0ZXN0IHJvb3QgQ0EgKG5vdCB0cnVz
dGVkIGFueXdoZXJlKTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABA3vIykiAzAd
lGiykCZev5ob1WfG8xfcRDdu/mmNk7fh5yb9NfXrhTVrHGJD6+LlX4mPxAHuaUkV
SFlXBOKF2CGjYzBhMB0GA1UdDgQWBBTTEyOw9fIL+kb9Yz3sQbSwL3IggDAfBgNV
HSMEGDAWgBTTEyOw9fIL+kb9Yz3sQbSwL3IggDAPBgNVHRMBAf8EBTADAQH/MA4G
A1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNHADBEAiBfuEZ5wdCYm2pZab1/C8z4
P/CEA8mCqZndkWWbxBqSyQIgWNft2HZKxCCYCDlpygwhw0hWeWCkeSJOKGyfFP0r
O4s=
-----END CERTIFICATE-----
`;
const TEST_SERVER_CERT = `-----BEGIN CERTIFICATE-----
MIIB0zCCAXigAwIBAgIUCd3UWpETvaDCYHr9gY5kxgAiMWkwCgYIKoZIzj0EAwIw
PDE6MDgGA1UEAwwxdmVyZGljdC13YXRjaCB0ZXN0IHJvb3QgQ0EgKG5vdCB0cnVz
dGVkIGFueXdoZXJlKTAgFw0yNjExMjYxNDQ5MjRaGA8yMTI2MTEwMjE0NDkyNFow
FDESMBAGA1UEAwwJMTI3LjAuMC4xMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
z0kDR8sX4+xu2DPI8ObotOcOPuru3APziooAfDB8vJbo6qupJgxB65+ijcX1DqqF
RGRBPoVlSyCFm8y7lbn7baN+MHwwGgYDVR0RBBMwEYcEfwAAAYIJbG9jYWxob3N0
MAkGA1UdEwQCMAAwEwYDVR0lBAwwCgYIKwYBBQUHAwEwHQYDVR0OBBYEFI2tIV0r
hd2dl6XadK0BApkED2QQMB8GA1UdIwQYMBaAFNMTI7D18gv6Rv1jPexBtLAvciCA
MAoGCCqGSM49BAMCA0kAMEYCIQC9f9tp7sOq+vIljP37sMWP8ZF8bHbZFe390oLX
TtUgOwIhAJbQrUDkiKk4IZ5OxtFterp4DuQh0/f0n96N7y2E9iXq
-----END CERTIFICATE-----
`;
const TEST_SERVER_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgbX3Lg1Y7Af+BRX/L
j/6SedGNbdc2Uf7oCLWO4NfchFWhRANCAATPSQNHyxfj7G7YM8jw5ui05w4+6u7c
A/OKigB8MHy8lujqq6kmDEHrn6KNxfUOqoVEZEE+hWVLIIWbzLuVuftt
-----END PRIVATE KEY-----
`;

/** An HTTPS server whose chain ends in TEST_CA_PEM, as court sites' chains end in the Russian Trusted Root CA. */
async function serveTls(): Promise<{ base: string; requests: () => number }> {
  let requests = 0;
  const server = https.createServer({ cert: TEST_SERVER_CERT, key: TEST_SERVER_KEY }, (_req, res) => {
    requests += 1;
    res.end('secure');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  open.push({
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return { base: `https://127.0.0.1:${port}`, requests: () => requests };
}

/** Runs a fresh Node process that requests `url` through an undici Agent set up as PoliteFetcher's. */
function requestInChild(url: string, extraCaFile: string | undefined): Promise<{ status?: number; code?: string }> {
  const script = `
    import { Agent } from 'undici';
    const agent = new Agent({ headersTimeout: 5000, bodyTimeout: 5000, connect: { timeout: 5000 } });
    const url = new URL(process.env.TARGET_URL);
    try {
      const res = await agent.request({ origin: url.origin, path: url.pathname, method: 'GET' });
      await res.body.text();
      console.log(JSON.stringify({ status: res.statusCode }));
    } catch (error) {
      console.log(JSON.stringify({ code: error.code ?? error.cause?.code ?? String(error) }));
    }
    await agent.close();
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, TARGET_URL: url };
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_TLS_REJECT_UNAUTHORIZED;
  if (extraCaFile) env.NODE_EXTRA_CA_CERTS = extraCaFile;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), env, timeout: 15_000 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
    });
  });
}

describe('PoliteFetcher: TLS', () => {
  it('fails fast, without retries, on a certificate it cannot verify, pointing at NODE_EXTRA_CA_CERTS', async () => {
    const server = await serveTls();
    const t0 = performance.now();
    const error = await fetcher({ retries: 3, backoffBaseMs: 1000, backoffMaxMs: 1000 })
      .fetch(`${server.base}/`, { key: 'k' })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FetchFailedError);
    const failed = error as FetchFailedError;
    expect(failed.reason).toBe('tls');
    expect(failed.retryable).toBe(false);
    expect(failed.attempts).toBe(1);
    expect(failed.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(failed.message).toContain('NODE_EXTRA_CA_CERTS');
    expect(server.requests()).toBe(0);
    expect(performance.now() - t0).toBeLessThan(1000); // no backoff waited
  }, 10_000);

  it('trusts a CA given through NODE_EXTRA_CA_CERTS at start-up (undici uses Node TLS)', async () => {
    const server = await serveTls();
    const dir = mkdtempSync(join(tmpdir(), 'vw-ca-'));
    try {
      const caFile = join(dir, 'extra-ca.pem');
      writeFileSync(caFile, TEST_CA_PEM);
      expect(await requestInChild(`${server.base}/`, undefined)).toEqual({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
      expect(await requestInChild(`${server.base}/`, caFile)).toEqual({ status: 200 });
      expect(server.requests()).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
