import { createPostgresBackend, Queue, runMigrations } from 'bullmq';
import { Redis } from 'ioredis';
import { readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadEnv } from '../../src/config/load-env.js';
import type { Env } from '../../src/config/env.schema.js';
import { QUEUE_SCHEMA } from '../../src/database/backend.js';
import { embeddedServerUrl } from '../../src/database/embedded-postgres.js';
import { migrate, startService, type RunningService, type StartOptions } from '../../src/service.js';

/**
 * The configuration the e2e tests run on, from VW_TEST_BACKEND (.ci/run runs the pipeline specs on each):
 *   redis     (default) Postgres at 127.0.0.1:5432 and Redis at 127.0.0.1:6379, as in production at scale;
 *   postgres  the same Postgres, queues on BullMQ's Postgres backend, no Redis;
 *   embedded  neither: PGlite in a temporary DATA_DIR per test file, every role in one process.
 */
export type TestBackend = 'redis' | 'postgres' | 'embedded';
export const testBackend: TestBackend = (() => {
  const v = process.env.VW_TEST_BACKEND ?? 'redis';
  if (v !== 'redis' && v !== 'postgres' && v !== 'embedded') throw new Error(`VW_TEST_BACKEND must be redis, postgres or embedded, not ${v}`);
  return v;
})();

export const REDIS_URL = 'redis://127.0.0.1:6379';
/** One database per test file and configuration, so runs on different configurations never meet. */
export const databaseUrlFor = (name: string) => `postgres://postgres@127.0.0.1:5432/vw_test_${name}${testBackend === 'postgres' ? '_pg' : ''}`;

/** A folder per test file and Jest worker process; those of processes that are gone are removed. */
export function embeddedDirFor(name: string): string {
  for (const entry of readdirSync(tmpdir())) {
    const pid = /^vw-test-[\w-]+-(\d+)$/.exec(entry)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  return join(tmpdir(), `vw-test-${name}-${process.pid}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Settings for a test: its own database (and Redis prefix), small delays, no HTTP port clash. */
export function testEnv(name: string, overrides: Record<string, string> = {}): Env {
  const backend: Record<string, string> =
    testBackend === 'redis'
      ? { DATABASE_URL: databaseUrlFor(name), REDIS_URL }
      : testBackend === 'postgres'
        ? { DATABASE_URL: databaseUrlFor(name) }
        : { DATA_DIR: embeddedDirFor(name) };
  return loadEnv({
    ...backend,
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

/**
 * Empties the test's state: the service's tables (TRUNCATE, migrated first) and the test's queues: its Redis
 * keys, or every BullMQ table but the migration ledger in its own database (never DROP SCHEMA bullmq);
 * embedded, the whole folder (the service creates and migrates it again).
 */
export async function resetState(env: Env): Promise<void> {
  if (!env.DATABASE_URL) {
    await rm(env.DATA_DIR, { recursive: true, force: true });
    return;
  }
  await migrate(env.DATABASE_URL);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT string_agg(quote_ident(tablename), ', ') AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('typeorm_migrations')`,
    );
    if (rows[0].t) await client.query(`TRUNCATE ${rows[0].t} RESTART IDENTITY CASCADE`);
    if (!env.REDIS_URL) {
      await runMigrations(client, QUEUE_SCHEMA);
      const queues = await client.query(
        `SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') AS t FROM pg_tables WHERE schemaname = $1 AND tablename <> 'migration'`,
        [QUEUE_SCHEMA],
      );
      if (queues.rows[0].t) await client.query(`TRUNCATE ${queues.rows[0].t}`);
    }
  } finally {
    await client.end();
  }
  if (!env.REDIS_URL) return;
  const redis = new Redis(env.REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

export async function startTestService(env: Env, roles: StartOptions['roles']): Promise<RunningService> {
  return startService(env, { logger: ['error'], roles, handleSignals: false });
}

/** The test's database: DATABASE_URL, or the embedded server of DATA_DIR (in this process or a child). */
export async function databaseUrlOf(env: Env): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const url = await embeddedServerUrl(env.DATA_DIR);
  if (!url) throw new Error(`no process serves the embedded database in ${env.DATA_DIR}`);
  return url;
}

/** Runs SQL against a test database (assertions read the database directly). */
export async function sql<T = Record<string, unknown>>(env: Env, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: await databaseUrlOf(env) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Jobs not yet finished in the named queues, read from outside the service (Postgres-backed queues only):
 * how a test watches a crawl that runs in another process on the embedded database.
 */
export async function pendingJobs(env: Env, queues: readonly string[]): Promise<number> {
  const connection = { connectionString: await databaseUrlOf(env), max: 1, schema: QUEUE_SCHEMA };
  let n = 0;
  for (const name of queues) {
    const queue = new Queue(name, { connection: connection as never }, createPostgresBackend);
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      n += Object.values(counts).reduce((a, b) => a + b, 0);
    } finally {
      await queue.close();
    }
  }
  return n;
}
