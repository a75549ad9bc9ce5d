import { loadEnv } from '../config/load-env.js';
import { ReparseService } from '../crawling/reparse.service.js';
import { parseIsoDate } from '../common/iso-week.js';
import { startService } from '../service.js';
import { parseArgs } from './args.js';

/** `reparse [--since DATE]`: parses stored pages again with the current parsers and prints what they were. */
export async function reparseCommand(args: string[]): Promise<number> {
  const { values } = parseArgs(args, { values: ['since'] });
  if (values.since) {
    try {
      parseIsoDate(values.since);
    } catch (e) {
      process.stderr.write(`--since: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const service = await startService(loadEnv(), { logger: ['error', 'warn'], roles: { api: false, worker: false, scheduler: false } });
  try {
    const result = await service.app.get(ReparseService).run(values.since);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await service.close();
  }
}
