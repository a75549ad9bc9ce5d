// Per-key politeness: one request in flight per key and a pause between requests.
//
// Semantics shared by every implementation (MemoryRateLimiter here, RedisRateLimiter for many
// processes):
// - The key is the court code (e.g. `63GV0001`), not the URL host: each court is its own host in
//   production, while in tests one local simulator serves every court.
// - At most one holder per key at a time.
// - The pause is measured from the END of one request (its release) to the START of the next:
//   a court site that took 90 s to answer gets `minIntervalMs` of rest afterwards, not none.
// - `release({ pauseMs })` can lengthen the rest for this key (Retry-After, backoff after a 5xx),
//   so every caller of the key backs off, not only the one that saw the error.
// - Waiters are not served in strict FIFO order across processes (Redis polls); within one
//   MemoryRateLimiter they are.

export interface ReleaseOptions {
  /** Rest for this key after release, if longer than the limiter's minIntervalMs. */
  pauseMs?: number;
}

/** Ends the holder's turn; safe to call more than once (later calls do nothing). */
export type Release = (options?: ReleaseOptions) => Promise<void>;

export interface AcquireOptions {
  /** Stop waiting (the returned promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

export interface RateLimiter {
  /** Resolves when the caller may send one request for `key`; call the returned release when done. */
  acquire(key: string, options?: AcquireOptions): Promise<Release>;
}

export interface MemoryRateLimiterOptions {
  /** Rest between the end of one request and the start of the next, per key. */
  minIntervalMs: number;
}

interface Waiter {
  resolve: (release: Release) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface KeyState {
  busy: boolean;
  /** performance.now() value before which no new turn starts. */
  nextAt: number;
  queue: Waiter[];
  timer: NodeJS.Timeout | null;
}

/**
 * In-process limiter for a single worker, the CLI or benches. It does NOT coordinate several
 * processes; use RedisRateLimiter for that. Waiters are served first come, first served.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly minIntervalMs: number;
  private readonly keys = new Map<string, KeyState>();

  constructor(options: MemoryRateLimiterOptions) {
    if (!Number.isFinite(options.minIntervalMs) || options.minIntervalMs < 0) {
      throw new RangeError('minIntervalMs must be a non-negative number');
    }
    this.minIntervalMs = options.minIntervalMs;
  }

  acquire(key: string, options: AcquireOptions = {}): Promise<Release> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const state = this.stateFor(key);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = state.queue.indexOf(waiter);
          if (i >= 0) {
            state.queue.splice(i, 1);
            reject(signal.reason);
            this.pump(key, state);
          }
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      state.queue.push(waiter);
      this.pump(key, state);
    });
  }

  private stateFor(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { busy: false, nextAt: 0, queue: [], timer: null };
      this.keys.set(key, state);
    }
    return state;
  }

  private pump(key: string, state: KeyState): void {
    if (state.busy) return;
    if (state.queue.length === 0) {
      if (state.timer) {
        clearTimeout(state.timer);
        state.timer = null;
      }
      if (performance.now() >= state.nextAt) this.keys.delete(key);
      return;
    }
    const wait = state.nextAt - performance.now();
    if (wait > 0) {
      if (!state.timer) {
        state.timer = setTimeout(() => {
          state.timer = null;
          this.pump(key, state);
        }, Math.ceil(wait));
      }
      return;
    }
    const waiter = state.queue.shift()!;
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
    state.busy = true;
    let released = false;
    waiter.resolve(async (releaseOptions?: ReleaseOptions) => {
      if (released) return;
      released = true;
      const pause = Math.max(this.minIntervalMs, releaseOptions?.pauseMs ?? 0);
      state.nextAt = Math.max(state.nextAt, performance.now() + pause);
      state.busy = false;
      this.pump(key, state);
    });
  }
}
