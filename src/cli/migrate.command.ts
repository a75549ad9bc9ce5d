import { loadEnv } from '../config/load-env.js';
import { LOCAL_DATABASE_URL, migrate } from '../service.js';

/** `migrate`: applies pending migrations to DATABASE_URL (or the local default) and lists them. */
export async function migrateCommand(): Promise<number> {
  const env = loadEnv();
  const applied = await migrate(env.DATABASE_URL ?? LOCAL_DATABASE_URL);
  process.stdout.write(`${JSON.stringify({ applied })}\n`);
  return 0;
}
