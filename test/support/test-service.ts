import { Redis } from 'ioredis';
import pg from 'pg';
import { loadEnv } from '../../src/config/load-env.js';
import type { Env } from '../../src/config/env.schema.js';
import { migrate, startService, type RunningService, type StartOptions } from '../../src/service.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const databaseUrlFor = (name: string) => `postgres://postgres@127.0.0.1:5432/vw_test_${name}`;

/** Settings for a test: its own database and Redis prefix, small delays, no HTTP port clash. */
export function testEnv(name: string, overrides: Record<string, string> = {}): Env {
  return loadEnv({
    DATABASE_URL: databaseUrlFor(name),
    REDIS_URL: REDIS_URL,
    QUEUE_PREFIX: `t-${name}`,
    PORT: '0',
    LOG_LEVEL: 'error',
    CRAWL_MIN_INTERVAL_MS: '5',
    CRAWL_TIMEOUT_MS: '5000',
    CRAWL_RETRIES: '4',
    CRAWL_BACKOFF_BASE_MS: '20',
    CRAWL_BACKOFF_MAX_MS: '200',
    JOB_BACKOFF_MS: '100',
    JOB_LOCK_MS: '4000',
    ...overrides,
  });
}

/** Empties the test database (migrated) and the test's Redis keys. */
export async function resetState(env: Env): Promise<void> {
  await migrate(env.DATABASE_URL!);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(
    `SELECT string_agg(quote_ident(tablename), ', ') AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('typeorm_migrations')`,
  );
  if (rows[0].t) await client.query(`TRUNCATE ${rows[0].t} RESTART IDENTITY CASCADE`);
  await client.end();
  const redis = new Redis(env.REDIS_URL!);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

export async function startTestService(env: Env, roles: StartOptions['roles']): Promise<RunningService> {
  return startService(env, { logger: ['error'], roles });
}

/** Runs SQL against a test database (assertions read the database directly). */
export async function sql<T = Record<string, unknown>>(env: Env, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
