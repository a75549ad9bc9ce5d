// The politeness limit shared by every worker process on every machine, kept in Redis.
//
// Per key two Redis keys (both under one hash tag, so they share a Redis Cluster slot):
//   <prefix>{<key>}:lock  the holder's random token, with a PX lease: a worker killed with SIGKILL
//                         cannot block the court for longer than leaseMs;
//   <prefix>{<key>}:next  the Redis-clock millisecond before which no new turn may start.
// Both scripts read the clock with Redis TIME, never the local clock, so machines whose clocks
// disagree still agree on the pause. Both keys expire on their own: nothing to clean up.
//
// Semantics are those of rate-limiter.ts: one holder per key; at least minIntervalMs from the
// END of one request (release) to the START of the next; release({ pauseMs }) lengthens the rest.
// When a turn is taken, `next` is set to now + leaseMs + minIntervalMs: if the holder dies and
// its lease runs out, the next turn still waits minIntervalMs after the lease ends. A release
// by a holder whose lease had already expired deletes nothing (the token no longer matches) and
// can only lengthen the pause, never shorten it.
//
// leaseMs must be longer than the longest request (PoliteFetcher's timeoutMs plus a margin):
// a lease that runs out while its holder is still waiting for the court lets a second request in.

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AcquireOptions, RateLimiter, Release, ReleaseOptions } from './rate-limiter.js';

export interface RedisRateLimiterOptions {
  /** Rest between the end of one request and the start of the next, per key. */
  minIntervalMs: number;
  /** How long a turn is held at most if never released (crashed worker). > the fetch timeout. */
  leaseMs: number;
  /** Redis key prefix, e.g. `vw:polite:`. */
  prefix: string;
  /** Longest single sleep between two polls (default 5000 ms). */
  maxPollMs?: number;
}

const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
local minInterval = tonumber(ARGV[3])
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -1 then
  redis.call('PEXPIRE', KEYS[1], lease)
  ttl = lease
end
if ttl >= 0 then
  return {0, ttl, 1}
end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
if nextAt > now then
  return {0, nextAt - now, 0}
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', lease)
local guard = lease + minInterval
redis.call('SET', KEYS[2], string.format('%.0f', now + guard), 'PX', guard)
return {1, 0, 0}
`;

const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(ARGV[2])
local target = now + pause
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  if pause > 0 then
    redis.call('SET', KEYS[2], string.format('%.0f', target), 'PX', pause)
  else
    redis.call('DEL', KEYS[2])
  end
  return 1
end
if pause > 0 then
  local cur = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
  if target > cur then
    redis.call('SET', KEYS[2], string.format('%.0f', target), 'PX', pause)
  end
end
return 0
`;

interface LoadedScript {
  source: string;
  sha: string | null;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly minIntervalMs: number;
  private readonly leaseMs: number;
  private readonly prefix: string;
  private readonly maxPollMs: number;
  private readonly acquireScript: LoadedScript = { source: ACQUIRE, sha: null };
  private readonly releaseScript: LoadedScript = { source: RELEASE, sha: null };

  constructor(
    private readonly redis: Redis,
    options: RedisRateLimiterOptions,
  ) {
    const { minIntervalMs, leaseMs, prefix, maxPollMs = 5000 } = options;
    if (!Number.isInteger(minIntervalMs) || minIntervalMs < 0) {
      throw new RangeError('minIntervalMs must be a non-negative integer');
    }
    if (!Number.isInteger(leaseMs) || leaseMs <= 0) {
      throw new RangeError('leaseMs must be a positive integer');
    }
    if (!Number.isFinite(maxPollMs) || maxPollMs <= 0) {
      throw new RangeError('maxPollMs must be positive');
    }
    this.minIntervalMs = minIntervalMs;
    this.leaseMs = leaseMs;
    this.prefix = prefix;
    this.maxPollMs = maxPollMs;
  }

  async acquire(key: string, options: AcquireOptions = {}): Promise<Release> {
    const { signal } = options;
    const keys = this.keysFor(key);
    const token = randomUUID();
    for (;;) {
      signal?.throwIfAborted();
      const [granted, waitMs, locked] = (await this.run(this.acquireScript, keys, [
        token,
        String(this.leaseMs),
        String(this.minIntervalMs),
      ])) as [number, number, number];
      if (granted === 1) {
        const release = this.releaser(keys, token);
        if (signal?.aborted) {
          await release();
          signal.throwIfAborted();
        }
        return release;
      }
      // While someone holds the key, the earliest possible start is minIntervalMs after their
      // release, i.e. at least minIntervalMs from now; otherwise sleep exactly the time left.
      const sleepMs = locked === 1 ? Math.max(this.minIntervalMs, 50) : Math.max(1, waitMs);
      await sleep(Math.min(sleepMs, this.maxPollMs), signal);
    }
  }

  private releaser(keys: [string, string], token: string): Release {
    let released = false;
    return async (options?: ReleaseOptions) => {
      if (released) return;
      released = true;
      const pause = Math.max(this.minIntervalMs, Math.ceil(options?.pauseMs ?? 0));
      await this.run(this.releaseScript, keys, [token, String(pause)]);
    };
  }

  private keysFor(key: string): [string, string] {
    if (key.length === 0) throw new RangeError('rate limiter key must not be empty');
    const base = `${this.prefix}{${key}}`;
    return [`${base}:lock`, `${base}:next`];
  }

  private async run(script: LoadedScript, keys: string[], args: string[]): Promise<unknown> {
    if (script.sha) {
      try {
        return await this.redis.evalsha(script.sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      }
    }
    const sha = (await this.redis.script('LOAD', script.source)) as string;
    script.sha = sha;
    return this.redis.evalsha(sha, keys.length, ...keys, ...args);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
