import { loadEnv } from '../config/load-env.js';
import { openBackend } from '../database/backend.js';
import { migrate } from '../service.js';

/**
 * `migrate`: applies pending migrations to the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR) and lists them; BullMQ's tables too when the queues run on Postgres.
 */
export async function migrateCommand(): Promise<number> {
  const backend = await openBackend(loadEnv(), { migrateQueues: true });
  try {
    const applied = await migrate(backend.databaseUrl);
    process.stdout.write(`${JSON.stringify({ applied, backend: backend.kind })}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}
