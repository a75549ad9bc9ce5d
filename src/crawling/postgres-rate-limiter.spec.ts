import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createDataSource } from '../database/data-source.js';
import { ensureDatabase } from '../database/ensure-database.js';
import { PostgresRateLimiter } from './postgres-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

// Real Postgres at 127.0.0.1:5432 (a scratch database, migrated); every run uses its own keys and removes them.
const DATABASE_URL = process.env.TEST_LIMITER_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vw_test_limiter';
const RUN = `t-${randomUUID()}:`;
const MIN = 100;
// Timers and the database clock have sub-millisecond resolution, rounded up to whole ms: a few ms of slack.
const SLACK = 5;

interface Turn {
  who: string;
  start: number;
  end: number;
}

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

function expectPolite(log: Turn[], min: number) {
  const turns = [...log].sort((a, b) => a.start - b.start);
  for (let i = 1; i < turns.length; i++) {
    expect(turns[i].start - turns[i - 1].end).toBeGreaterThanOrEqual(min - SLACK);
  }
}

// Two pools stand for two worker processes: they share nothing but the database.
let poolA: pg.Pool;
let poolB: pg.Pool;
const make = (pool: pg.Pool, minIntervalMs = MIN, leaseMs = 5000) => new PostgresRateLimiter(pool, { minIntervalMs, leaseMs });
const key = (k: string) => `${RUN}${k}`;

beforeAll(async () => {
  await ensureDatabase(DATABASE_URL);
  const ds = await createDataSource(DATABASE_URL, { max: 1 }).initialize();
  await ds.runMigrations();
  await ds.destroy();
  poolA = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
  poolB = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
}, 60_000);

afterAll(async () => {
  await poolA.query(`DELETE FROM polite_slots WHERE key LIKE $1`, [`${RUN}%`]);
  await Promise.all([poolA.end(), poolB.end()]);
});

describe('PostgresRateLimiter (the contract of rate-limiter.ts)', () => {
  it('serialises one key: no overlap, at least minInterval from one end to the next start', async () => {
    const limiter = make(poolA);
    const log: Turn[] = [];
    await Promise.all([takeTurns(limiter, key('63GV0001'), 'a', 3, 30, log), takeTurns(limiter, key('63GV0001'), 'b', 3, 30, log)]);
    expect(log).toHaveLength(6);
    expectPolite(log, MIN);
  }, 20_000);

  it('runs different keys in parallel', async () => {
    const limiter = make(poolA);
    const log1: Turn[] = [];
    const log2: Turn[] = [];
    const t0 = performance.now();
    await Promise.all([takeTurns(limiter, key('63GV0002'), 'a', 3, 100, log1), takeTurns(limiter, key('50AV0000'), 'b', 3, 100, log2)]);
    const elapsed = performance.now() - t0;
    expectPolite(log1, MIN);
    expectPolite(log2, MIN);
    expect(elapsed).toBeGreaterThanOrEqual(500 - SLACK);
    expect(elapsed).toBeLessThan(900);
    expect(log2[0].start).toBeLessThan(log1[0].end);
  }, 20_000);

  it('release({ pauseMs }) lengthens the rest for the key', async () => {
    const limiter = make(poolA);
    const first = await limiter.acquire(key('k'));
    const released = performance.now();
    await first({ pauseMs: 400 });
    const second = await limiter.acquire(key('k'));
    const waited = performance.now() - released;
    await second();
    expect(waited).toBeGreaterThanOrEqual(400 - SLACK);
    expect(waited).toBeLessThan(1500);
  }, 10_000);

  it('a second release call does nothing', async () => {
    const limiter = make(poolA);
    const first = await limiter.acquire(key('k2'));
    await first();
    const second = await limiter.acquire(key('k2'));
    await first();
    let third = false;
    const pending = limiter.acquire(key('k2')).then((release) => ((third = true), release));
    await delay(MIN * 3);
    expect(third).toBe(false);
    await second();
    await (await pending)();
    expect(third).toBe(true);
  }, 10_000);

  it('stops waiting when the signal aborts', async () => {
    const limiter = make(poolA);
    const held = await limiter.acquire(key('k3'));
    const controller = new AbortController();
    const waiting = limiter.acquire(key('k3'), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('shutdown')), 150);
    await expect(waiting).rejects.toThrow('shutdown');
    await held();
    await (await limiter.acquire(key('k3')))();
  }, 10_000);
});

describe('PostgresRateLimiter across processes', () => {
  it('holds across two instances with separate connections (two worker processes)', async () => {
    const one = make(poolA);
    const two = make(poolB);
    const log: Turn[] = [];
    await Promise.all([
      takeTurns(one, key('61GV0001'), 'one', 4, 20, log),
      takeTurns(two, key('61GV0001'), 'two', 4, 20, log),
      takeTurns(two, key('61GV0001'), 'two-b', 2, 20, log),
    ]);
    expect(log).toHaveLength(10);
    expectPolite(log, MIN);
    expect(new Set(log.map((t) => t.who))).toEqual(new Set(['one', 'two', 'two-b']));
  }, 30_000);

  it('a turn that is never released expires after its lease (SIGKILLed worker)', async () => {
    const crashed = make(poolA, MIN, 400);
    const survivor = make(poolB, MIN, 400);
    await crashed.acquire(key('62GV0001')); // never released
    const t0 = performance.now();
    const release = await survivor.acquire(key('62GV0001'));
    const waited = performance.now() - t0;
    await release();
    expect(waited).toBeGreaterThanOrEqual(400 + MIN - 20);
    expect(waited).toBeLessThan(2000);
  }, 10_000);

  it('a late release by an expired holder does not free the current holder', async () => {
    const slow = make(poolA, MIN, 200);
    const other = make(poolB, MIN, 5000);
    const staleRelease = await slow.acquire(key('k4'));
    const current = await other.acquire(key('k4'));
    await staleRelease();
    const [row] = (await poolA.query(`SELECT holder IS NOT NULL AS held FROM polite_slots WHERE key = $1`, [key('k4')])).rows;
    expect(row.held).toBe(true);
    let third = false;
    const pending = other.acquire(key('k4')).then((r) => ((third = true), r));
    await delay(400);
    expect(third).toBe(false);
    await current();
    await (await pending)();
    expect(third).toBe(true);
  }, 10_000);

  it('rejects bad settings', () => {
    expect(() => new PostgresRateLimiter(poolA, { minIntervalMs: -1, leaseMs: 10 })).toThrow(RangeError);
    expect(() => new PostgresRateLimiter(poolA, { minIntervalMs: 1, leaseMs: 0 })).toThrow(RangeError);
  });
});
