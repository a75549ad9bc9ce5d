import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { MemoryRateLimiter, type RateLimiter } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

// Real Redis at 127.0.0.1:6379; every run uses its own key prefix and removes it afterwards.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `vw-test:limiter:${randomUUID()}:`;
const MIN = 100;
// Timers and Redis TIME have millisecond resolution: allow a few ms of rounding, never more.
const SLACK = 5;

interface Turn {
  who: string;
  start: number;
  end: number;
}

/** Takes `times` turns on `key`, holding each for `holdMs`; records when each turn ran. */
async function takeTurns(limiter: RateLimiter, key: string, who: string, times: number, holdMs: number, log: Turn[]) {
  for (let i = 0; i < times; i++) {
    const release = await limiter.acquire(key);
    const start = performance.now();
    await delay(holdMs);
    const end = performance.now();
    log.push({ who, start, end });
    await release();
  }
}

/** Asserts that turns never overlap and that each starts at least `min` ms after the previous ended. */
function expectPolite(log: Turn[], min: number) {
  const turns = [...log].sort((a, b) => a.start - b.start);
  for (let i = 1; i < turns.length; i++) {
    const gap = turns[i].start - turns[i - 1].end;
    expect(gap).toBeGreaterThanOrEqual(min - SLACK);
  }
}

let redisA: Redis;
let redisB: Redis;

beforeAll(async () => {
  redisA = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redisB = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await Promise.all([redisA.connect(), redisB.connect()]);
});

afterAll(async () => {
  const keys = await redisA.keys(`${PREFIX}*`);
  if (keys.length) await redisA.del(...keys);
  await Promise.all([redisA.quit(), redisB.quit()]);
});

const implementations: Array<[string, (min: number) => RateLimiter]> = [
  ['MemoryRateLimiter', (min) => new MemoryRateLimiter({ minIntervalMs: min })],
  [
    'RedisRateLimiter',
    (min) => new RedisRateLimiter(redisA, { minIntervalMs: min, leaseMs: 5000, prefix: `${PREFIX}${randomUUID()}:` }),
  ],
];

describe.each(implementations)('%s (shared contract)', (_name, make) => {
  it('serialises one key: no overlap, at least minInterval from one end to the next start', async () => {
    const limiter = make(MIN);
    const log: Turn[] = [];
    await Promise.all([
      takeTurns(limiter, '63GV0001', 'a', 3, 30, log),
      takeTurns(limiter, '63GV0001', 'b', 3, 30, log),
    ]);
    expect(log).toHaveLength(6);
    expectPolite(log, MIN);
  }, 20_000);

  it('runs different keys in parallel', async () => {
    const limiter = make(MIN);
    const log1: Turn[] = [];
    const log2: Turn[] = [];
    const t0 = performance.now();
    await Promise.all([
      takeTurns(limiter, '63GV0001', 'a', 3, 100, log1),
      takeTurns(limiter, '50AV0000', 'b', 3, 100, log2),
    ]);
    const elapsed = performance.now() - t0;
    expectPolite(log1, MIN);
    expectPolite(log2, MIN);
    // One key alone needs 3 × 100 ms held + 2 × 100 ms rest = 500 ms; both in series would need 1000+.
    expect(elapsed).toBeGreaterThanOrEqual(500 - SLACK);
    expect(elapsed).toBeLessThan(900);
    // The two keys really overlapped in time.
    expect(log2[0].start).toBeLessThan(log1[0].end);
  }, 20_000);

  it('release({ pauseMs }) lengthens the rest for the key', async () => {
    const limiter = make(MIN);
    const first = await limiter.acquire('k');
    const released = performance.now();
    await first({ pauseMs: 400 });
    const second = await limiter.acquire('k');
    const waited = performance.now() - released;
    await second();
    expect(waited).toBeGreaterThanOrEqual(400 - SLACK);
    expect(waited).toBeLessThan(1500);
  }, 10_000);

  it('a second release call does nothing', async () => {
    const limiter = make(MIN);
    const first = await limiter.acquire('k2');
    await first();
    const second = await limiter.acquire('k2');
    await first(); // stale: must not free the key for a third caller
    let third = false;
    const pending = limiter.acquire('k2').then((release) => {
      third = true;
      return release;
    });
    await delay(MIN * 3);
    expect(third).toBe(false);
    await second();
    await (await pending)();
    expect(third).toBe(true);
  }, 10_000);

  it('stops waiting when the signal aborts', async () => {
    const limiter = make(MIN);
    const held = await limiter.acquire('k3');
    const controller = new AbortController();
    const waiting = limiter.acquire('k3', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('shutdown')), 150);
    await expect(waiting).rejects.toThrow('shutdown');
    await held();
    // The aborted waiter left nothing behind: the key is free after the rest.
    const next = await limiter.acquire('k3');
    await next();
  }, 10_000);
});

describe('RedisRateLimiter', () => {
  it('holds across two instances with separate connections (two worker processes)', async () => {
    const prefix = `${PREFIX}procs:`;
    const one = new RedisRateLimiter(redisA, { minIntervalMs: MIN, leaseMs: 5000, prefix });
    const two = new RedisRateLimiter(redisB, { minIntervalMs: MIN, leaseMs: 5000, prefix });
    const log: Turn[] = [];
    await Promise.all([
      takeTurns(one, '61GV0001', 'one', 4, 20, log),
      takeTurns(two, '61GV0001', 'two', 4, 20, log),
      takeTurns(two, '61GV0001', 'two-b', 2, 20, log),
    ]);
    expect(log).toHaveLength(10);
    expectPolite(log, MIN);
    expect(new Set(log.map((t) => t.who))).toEqual(new Set(['one', 'two', 'two-b']));
  }, 30_000);

  it('a turn that is never released expires after its lease (SIGKILLed worker)', async () => {
    const prefix = `${PREFIX}lease:`;
    const crashed = new RedisRateLimiter(redisA, { minIntervalMs: MIN, leaseMs: 400, prefix });
    const survivor = new RedisRateLimiter(redisB, { minIntervalMs: MIN, leaseMs: 400, prefix });
    await crashed.acquire('62GV0001'); // never released
    const t0 = performance.now();
    const release = await survivor.acquire('62GV0001');
    const waited = performance.now() - t0;
    await release();
    // Lease 400 ms, then the rest of 100 ms; polling adds at most one poll interval.
    expect(waited).toBeGreaterThanOrEqual(400 + MIN - 20);
    expect(waited).toBeLessThan(2000);
  }, 10_000);

  it('a late release by an expired holder does not free the current holder', async () => {
    const prefix = `${PREFIX}stale:`;
    const slow = new RedisRateLimiter(redisA, { minIntervalMs: MIN, leaseMs: 200, prefix });
    const other = new RedisRateLimiter(redisB, { minIntervalMs: MIN, leaseMs: 5000, prefix });
    const staleRelease = await slow.acquire('k');
    const current = await other.acquire('k'); // granted once the 200 ms lease ran out
    await staleRelease();
    expect(await redisA.exists(`${prefix}{k}:lock`)).toBe(1);
    let third = false;
    const pending = other.acquire('k').then((r) => ((third = true), r));
    await delay(400);
    expect(third).toBe(false);
    await current();
    await (await pending)();
    expect(third).toBe(true);
  }, 10_000);

  it('leaves no lock behind and lets the pause key expire by itself', async () => {
    const prefix = `${PREFIX}expiry:`;
    const limiter = new RedisRateLimiter(redisA, { minIntervalMs: MIN, leaseMs: 5000, prefix });
    const release = await limiter.acquire('k');
    const pttlWhileHeld = await redisA.pttl(`${prefix}{k}:lock`);
    expect(pttlWhileHeld).toBeGreaterThan(4000);
    await release();
    expect(await redisA.exists(`${prefix}{k}:lock`)).toBe(0);
    const pttl = await redisA.pttl(`${prefix}{k}:next`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(MIN);
    await delay(MIN + 50);
    expect(await redisA.keys(`${prefix}*`)).toEqual([]);
  }, 10_000);

  it('reloads its script when Redis does not know the cached SHA (NOSCRIPT)', async () => {
    const prefix = `${PREFIX}noscript:`;
    const limiter = new RedisRateLimiter(redisA, { minIntervalMs: 0, leaseMs: 5000, prefix });
    await (await limiter.acquire('k'))();
    // Simulate a Redis restart without touching the shared server's script cache.
    const internals = limiter as unknown as Record<'acquireScript' | 'releaseScript', { sha: string | null }>;
    internals.acquireScript.sha = '0'.repeat(40);
    internals.releaseScript.sha = '0'.repeat(40);
    await (await limiter.acquire('k'))();
    expect(internals.acquireScript.sha).not.toBe('0'.repeat(40));
    expect(await redisA.exists(`${prefix}{k}:lock`)).toBe(0);
  }, 10_000);

  it('rejects bad settings', () => {
    expect(() => new RedisRateLimiter(redisA, { minIntervalMs: -1, leaseMs: 10, prefix: 'x' })).toThrow(RangeError);
    expect(() => new RedisRateLimiter(redisA, { minIntervalMs: 1, leaseMs: 0, prefix: 'x' })).toThrow(RangeError);
  });
});
