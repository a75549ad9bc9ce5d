import { loadEnv } from '../config/load-env.js';

/**
 * Options of the news workers, read from the same validated environment as the rest (Nest reads
 * @Processor options when the class is declared, before the app has its settings).
 */
export function newsWorkerOptions(queue: 'feed' | 'article' | 'link') {
  const env = loadEnv();
  const concurrency = queue === 'link' ? 1 : env.NEWS_CONCURRENCY;
  return { concurrency, lockDuration: env.JOB_LOCK_MS, stalledInterval: Math.max(1000, Math.floor(env.JOB_LOCK_MS / 2)) };
}
