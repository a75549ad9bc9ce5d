import { loadEnv } from '../config/load-env.js';
import { lockOptions } from '../crawling/worker-options.js';

/**
 * Options of the news workers, read from the same validated environment as the rest (Nest reads
 * @Processor options when the class is declared, before the app has its settings).
 */
export function newsWorkerOptions(queue: 'feed' | 'article' | 'link') {
  const env = loadEnv();
  const concurrency = queue === 'link' ? 1 : env.NEWS_CONCURRENCY;
  return { concurrency, ...lockOptions(env.JOB_LOCK_MS) };
}
