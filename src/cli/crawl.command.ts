import { loadEnv } from '../config/load-env.js';
import { CrawlProgressService } from '../crawling/crawl-progress.service.js';
import { crawlSlot } from '../crawling/crawl-slot.js';
import { CrawlService } from '../crawling/crawl.service.js';
import { parseIsoDate } from '../common/iso-week.js';
import { startService } from '../service.js';
import { parseArgs } from './args.js';

/**
 * `crawl --from DATE --to DATE [--court CODE]…`: a backfill through the real queues, in this process
 * (worker role) and any other workers on the same queues; prints the summary when the queues drain.
 */
export async function crawlCommand(args: string[]): Promise<number> {
  const { values } = parseArgs(args, { values: ['from', 'to', 'court'] });
  const courts = args.flatMap((a, i) => (a === '--court' ? [args[i + 1]] : []));
  if (!values.from || !values.to) {
    process.stderr.write('usage: crawl --from YYYY-MM-DD --to YYYY-MM-DD [--court CODE]\n');
    return 2;
  }
  try {
    parseIsoDate(values.from);
    parseIsoDate(values.to);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const service = await startService(loadEnv(), { logger: ['error', 'warn'], roles: { api: false, worker: true, scheduler: false } });
  try {
    const n = await service.app.get(CrawlService).enqueue(values.from, values.to, crawlSlot(new Date(), 'backfill'), courts);
    process.stderr.write(`crawling ${n} courts, ${values.from}..${values.to}\n`);
    const progress = service.app.get(CrawlProgressService);
    await progress.waitUntilIdle(500);
    process.stdout.write(`${JSON.stringify(await progress.summary())}\n`);
    return 0;
  } finally {
    await service.close();
  }
}
