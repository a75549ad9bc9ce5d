import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEnv } from '../config/load-env.js';
import { EmbeddedPostgres } from '../database/embedded-postgres.js';
import { MoveDataError, moveData } from '../database/move-data.js';
import { parseArgs } from './args.js';

/**
 * `move-data --to postgres://…`: copies the embedded database in DATA_DIR to a Postgres server (migrated
 * first; it must hold no crawl data yet), in one transaction. Stop the service first. Afterwards start it with
 * DATABASE_URL set to the same address; DATA_DIR is left as it was (a backup until you delete it).
 */
export async function moveDataCommand(args: string[]): Promise<number> {
  const { values } = parseArgs(args, { values: ['to'] });
  if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
    process.stderr.write('usage: move-data --to postgres://USER@HOST:PORT/DATABASE   (copies the embedded database in DATA_DIR there)\n');
    return 2;
  }
  const env = loadEnv();
  if (env.DATABASE_URL) {
    process.stderr.write('move-data copies the embedded database (DATA_DIR) to --to; run it without DATABASE_URL set\n');
    return 2;
  }
  if (!existsSync(join(env.DATA_DIR, 'pglite', 'PG_VERSION'))) {
    process.stderr.write(`there is no embedded database in ${resolve(env.DATA_DIR)} (set DATA_DIR to its folder)\n`);
    return 2;
  }
  const embedded = await EmbeddedPostgres.start({ dataDir: env.DATA_DIR });
  try {
    const result = await moveData(embedded.url, values.to, (line) => process.stderr.write(`${line}\n`));
    if (result.queuedJobs) {
      process.stderr.write(`${result.queuedJobs} queued jobs were not moved: the next crawl plans that work again\n`);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof MoveDataError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  } finally {
    await embedded.close();
  }
}
