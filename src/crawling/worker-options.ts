import { loadEnv } from '../config/load-env.js';

/**
 * Options of a queue's workers. Nest reads them from the @Processor decorator when the class is declared,
 * before the app has its settings, so they are read here from the same (validated) environment.
 */
export function workerOptions(queue: 'crawl' | 'fetch' | 'parse') {
  const env = loadEnv();
  const concurrency = queue === 'fetch' ? env.FETCH_CONCURRENCY : queue === 'parse' ? env.PARSE_CONCURRENCY : 2;
  return { concurrency, ...lockOptions(env.JOB_LOCK_MS) };
}

/** A SIGKILLed worker's jobs are picked up again once their lock lapses. */
export function lockOptions(lockMs: number) {
  return { lockDuration: lockMs, stalledInterval: Math.max(1000, Math.floor(lockMs / 2)) };
}
