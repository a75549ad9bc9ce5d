// The politeness limit shared by every worker process when the queues run on Postgres (no Redis), kept in
// the table polite_slots (migration CreatePoliteSlots): one row per key with
//   holder           the holder's random token, or null;
//   lease_until      when the holder's turn ends if it never releases (a worker killed with SIGKILL);
//   next_allowed_at  the database-clock time before which no new turn may start.
// Every statement reads the clock with clock_timestamp() on the database, never the local clock, so
// machines whose clocks disagree still agree on the pause.
//
// Semantics are those of rate-limiter.ts and the same as RedisRateLimiter's: one holder per key; at least
// minIntervalMs from the END of one request (release) to the START of the next; release({ pauseMs })
// lengthens the rest. Taking a turn is one INSERT … ON CONFLICT DO UPDATE … WHERE: Postgres locks the row
// and re-checks the condition on its latest version, so two processes never both get the turn. When a turn
// is taken, next_allowed_at is set to now + leaseMs + minIntervalMs: if the holder dies and its lease runs
// out, the next turn still waits minIntervalMs after the lease ends. A release by a holder whose lease had
// already expired (the token no longer matches) frees nothing and can only lengthen the pause.
//
// leaseMs must be longer than the longest request (PoliteFetcher's timeoutMs plus a margin).

import { randomUUID } from 'node:crypto';
import type { AcquireOptions, RateLimiter, Release, ReleaseOptions } from './rate-limiter.js';

/** What the limiter needs of a `pg.Pool` (or client). */
export interface SqlRunner {
  query(text: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export interface PostgresRateLimiterOptions {
  /** Rest between the end of one request and the start of the next, per key. */
  minIntervalMs: number;
  /** How long a turn is held at most if never released (crashed worker). > the fetch timeout. */
  leaseMs: number;
  /** Longest single sleep between two polls (default 5000 ms). */
  maxPollMs?: number;
}

const ACQUIRE = `
  INSERT INTO polite_slots AS s (key, holder, lease_until, next_allowed_at)
  VALUES ($1, $2, clock_timestamp() + $3::float8 * interval '1 ms', clock_timestamp() + ($3::float8 + $4::float8) * interval '1 ms')
  ON CONFLICT (key) DO UPDATE
     SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, next_allowed_at = EXCLUDED.next_allowed_at
   WHERE (s.holder IS NULL OR s.lease_until <= clock_timestamp()) AND s.next_allowed_at <= clock_timestamp()
  RETURNING true AS granted`;

/** Why a turn was refused: held (locked) or resting (ms until next_allowed_at). */
const WAIT = `
  SELECT holder IS NOT NULL AND lease_until > clock_timestamp() AS locked,
         GREATEST(0, ceil(extract(epoch FROM next_allowed_at - clock_timestamp()) * 1000))::float8 AS wait_ms
    FROM polite_slots WHERE key = $1`;

const RELEASE = `
  UPDATE polite_slots SET
    holder = CASE WHEN holder = $2 THEN NULL ELSE holder END,
    lease_until = CASE WHEN holder = $2 THEN NULL ELSE lease_until END,
    next_allowed_at = CASE WHEN holder = $2 THEN clock_timestamp() + $3::float8 * interval '1 ms'
                           ELSE GREATEST(next_allowed_at, clock_timestamp() + $3::float8 * interval '1 ms') END
   WHERE key = $1`;

export class PostgresRateLimiter implements RateLimiter {
  private readonly minIntervalMs: number;
  private readonly leaseMs: number;
  private readonly maxPollMs: number;

  constructor(
    private readonly db: SqlRunner,
    options: PostgresRateLimiterOptions,
  ) {
    const { minIntervalMs, leaseMs, maxPollMs = 5000 } = options;
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
    this.maxPollMs = maxPollMs;
  }

  async acquire(key: string, options: AcquireOptions = {}): Promise<Release> {
    if (key.length === 0) throw new RangeError('rate limiter key must not be empty');
    const { signal } = options;
    const token = randomUUID();
    for (;;) {
      signal?.throwIfAborted();
      const { rows } = await this.db.query(ACQUIRE, [key, token, this.leaseMs, this.minIntervalMs]);
      if (rows.length === 1) {
        const release = this.releaser(key, token);
        if (signal?.aborted) {
          await release();
          signal.throwIfAborted();
        }
        return release;
      }
      const [state] = (await this.db.query(WAIT, [key])).rows as Array<{ locked: boolean; wait_ms: number }>;
      // While someone holds the key, the earliest possible start is minIntervalMs after their release,
      // i.e. at least minIntervalMs from now; otherwise sleep exactly the time left.
      const sleepMs = !state ? 1 : state.locked ? Math.max(this.minIntervalMs, 50) : Math.max(1, state.wait_ms);
      await sleep(Math.min(sleepMs, this.maxPollMs), signal);
    }
  }

  private releaser(key: string, token: string): Release {
    let released = false;
    return async (options?: ReleaseOptions) => {
      if (released) return;
      released = true;
      const pause = Math.max(this.minIntervalMs, Math.ceil(options?.pauseMs ?? 0));
      await this.db.query(RELEASE, [key, token, pause]);
    };
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
