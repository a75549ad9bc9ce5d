// The three configurations of verdict-watch, chosen once, here, from DATABASE_URL and REDIS_URL:
//
//   embedded        neither set: PGlite (Postgres in WebAssembly) in DATA_DIR, served to the app's own `pg`
//                   connections on 127.0.0.1; BullMQ on its Postgres backend in the same database; every
//                   role in this one process; the politeness limit in memory.
//   postgres        DATABASE_URL only: BullMQ on its Postgres backend in that database (schema bullmq); the
//                   politeness limit in a table, shared by every worker process.
//   redis           both: BullMQ and the politeness limit on Redis, the data in Postgres (many workers on
//                   many machines).
//   REDIS_URL alone is refused: Redis holds queues, not data.
//
// The rest of the app sees only what a Backend gives: a Postgres URL, BullMQ's `connection`, and a
// RateLimiter. No feature module knows which configuration runs. BullMQ's choice of backend is
// process-wide state (setDefaultBackendFactory); useForQueues() sets it just before Nest builds the queues.

import { createPostgresBackend, runMigrations, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { resolve } from 'node:path';
import pg from 'pg';
import type { Env } from '../config/env.schema.js';
import { InvalidConfigError } from '../config/load-env.js';
import { PostgresRateLimiter } from '../crawling/postgres-rate-limiter.js';
import { MemoryRateLimiter, type RateLimiter } from '../crawling/rate-limiter.js';
import { RedisRateLimiter } from '../crawling/redis-rate-limiter.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';

export type BackendKind = 'embedded' | 'postgres' | 'redis';

/** BullMQ's schema in the database (its default), next to the app's tables in `public`. */
export const QUEUE_SCHEMA = 'bullmq';

export interface Backend {
  readonly kind: BackendKind;
  /** Where the app's own `pg` connections go (TypeORM, exports, tools). */
  readonly databaseUrl: string;
  /** Largest TypeORM pool worth having: the embedded database runs one statement at a time. */
  readonly databasePoolMax: number;
  /** BullMQ's `connection` for every queue, worker and queue-events listener. */
  readonly queueConnection: ConnectionOptions;
  /** The per-court politeness limit every worker of this deployment shares. */
  readonly rateLimiter: RateLimiter;
  /** One line for the start-up log: what runs where. */
  readonly summary: string;
  /** Points BullMQ's process-wide default at this backend; call right before the Nest app is built. */
  useForQueues(): void;
  /** Creates or upgrades BullMQ's tables (Postgres-backed queues only; idempotent, serialised by a lock). */
  migrateQueues(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenBackendOptions {
  /** Run BullMQ's migrations now (default: env.MIGRATIONS_RUN). */
  migrateQueues?: boolean;
  warn?: (message: string) => void;
}

export function backendKind(env: Pick<Env, 'DATABASE_URL' | 'REDIS_URL'>): BackendKind {
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new InvalidConfigError(
      'Invalid configuration:\n  REDIS_URL is set but DATABASE_URL is not: Redis only holds the queues, the data needs Postgres. ' +
        'Set DATABASE_URL too, or unset REDIS_URL to run on the embedded database (docs/deployment.md).',
    );
  }
  return env.REDIS_URL ? 'redis' : env.DATABASE_URL ? 'postgres' : 'embedded';
}

export async function openBackend(env: Env, options: OpenBackendOptions = {}): Promise<Backend> {
  const kind = backendKind(env);
  const migrate = options.migrateQueues ?? env.MIGRATIONS_RUN;
  if (kind === 'redis') return redisBackend(env);
  if (kind === 'postgres') {
    const backend = postgresBackend(env, env.DATABASE_URL!, 'postgres', null);
    if (migrate) await backend.migrateQueues();
    return backend;
  }
  const embedded = await EmbeddedPostgres.start({ dataDir: env.DATA_DIR, warn: options.warn });
  try {
    const backend = postgresBackend(env, embedded.url, 'embedded', embedded);
    if (migrate) await backend.migrateQueues();
    return backend;
  } catch (err) {
    await embedded.close();
    throw err;
  }
}

/** The start-up notice of the embedded configuration: what it is, where the data lives, when to move. */
export function embeddedNotice(dataDir: string): string {
  return (
    `embedded database: no DATABASE_URL or REDIS_URL is set, so verdict-watch runs on its own Postgres (PGlite) ` +
    `with the data in ${resolve(dataDir)}, every role in this one process. That suits one person's crawls on one ` +
    `machine. Move to a Postgres server (set DATABASE_URL; docs/deployment.md, \`npm run -s cli -- move-data\`) ` +
    `when you want workers or the API in separate processes or on other machines, crawls of all courts over ` +
    `years, or backups you can rely on.`
  );
}

function redisBackend(env: Env): Backend {
  const url = env.REDIS_URL!;
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  return {
    kind: 'redis',
    databaseUrl: env.DATABASE_URL!,
    databasePoolMax: 10,
    queueConnection: redisOptions(url),
    rateLimiter: new RedisRateLimiter(redis, {
      minIntervalMs: env.CRAWL_MIN_INTERVAL_MS,
      leaseMs: env.CRAWL_TIMEOUT_MS * 2,
      prefix: `${env.QUEUE_PREFIX}:polite:`,
    }),
    summary: `queues and the politeness limit on Redis (prefix ${env.QUEUE_PREFIX}), data in Postgres`,
    useForQueues: () => setDefaultBackendFactory(),
    migrateQueues: async () => undefined,
    async close() {
      redis.disconnect();
    },
  };
}

function postgresBackend(env: Env, databaseUrl: string, kind: 'postgres' | 'embedded', embedded: EmbeddedPostgres | null): Backend {
  // The shared limiter matters only when several processes crawl; the embedded database has one.
  const pool = kind === 'postgres' ? new pg.Pool({ connectionString: databaseUrl, max: 2 }) : null;
  pool?.on('error', () => undefined); // an idle connection dropped by the server: the pool replaces it
  const rateLimiter: RateLimiter = pool
    ? new PostgresRateLimiter(pool, { minIntervalMs: env.CRAWL_MIN_INTERVAL_MS, leaseMs: env.CRAWL_TIMEOUT_MS * 2 })
    : new MemoryRateLimiter({ minIntervalMs: env.CRAWL_MIN_INTERVAL_MS });
  return {
    kind,
    databaseUrl,
    databasePoolMax: embedded ? 4 : 10,
    // Every Queue, Worker and QueueEvents builds its own pool from this, and every Worker and QueueEvents one
    // LISTEN connection besides (so one pooled connection does not deadlock). A pool of 1 ran the queue bench
    // as fast as 2 did, and keeps a worker process near 45 connections.
    // @nestjs/bullmq types `connection` as Redis options; BullMQ's Postgres backend takes a pg pool config.
    queueConnection: { connectionString: databaseUrl, max: 1, idleTimeoutMillis: 2000, schema: QUEUE_SCHEMA } as unknown as ConnectionOptions,
    rateLimiter,
    summary: embedded
      ? `embedded Postgres (PGlite) in ${embedded.dataDir}, served at ${embedded.url}; queues on BullMQ's Postgres backend`
      : `queues on BullMQ's Postgres backend (schema ${QUEUE_SCHEMA}) and the politeness limit in Postgres, no Redis`,
    useForQueues: () => setDefaultBackendFactory(createPostgresBackend),
    async migrateQueues() {
      if (kind === 'postgres') await ensureDatabase(databaseUrl);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await runMigrations(client, QUEUE_SCHEMA);
      } finally {
        await client.end();
      }
    },
    async close() {
      await pool?.end();
      await embedded?.close();
    },
  };
}

function redisOptions(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number(u.pathname.slice(1) || 0),
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
