import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { AppModule, rolesOf, type Roles } from './app.module.js';
import type { Env } from './config/env.schema.js';
import { CourtsService } from './crawling/courts.service.js';
import { createDataSource } from './database/data-source.js';
import { ensureDatabase } from './database/ensure-database.js';

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/verdict_watch';
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RunningService {
  app: INestApplication;
  env: Env;
  url: string | null;
  close(): Promise<void>;
}

export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const ds = await createDataSource(databaseUrl, { max: 1 }).initialize();
  try {
    return (await ds.runMigrations()).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Starts the service in the roles `env.ROLE` names. The composition root: every backend is chosen here. */
export interface StartOptions {
  logger?: false | Array<'error' | 'warn' | 'log' | 'debug'>;
  /** Overrides the roles ROLE names, e.g. none at all for a command that only uses services. */
  roles?: Roles;
}

export async function startService(env: Env, options: StartOptions = {}): Promise<RunningService> {
  const roles = options.roles ?? rolesOf(env.ROLE);
  const log = new Logger('verdict-watch');
  const databaseUrl = env.DATABASE_URL ?? LOCAL_DATABASE_URL;
  const redisUrl = env.REDIS_URL ?? LOCAL_REDIS_URL;
  if (env.MIGRATIONS_RUN) {
    const applied = await migrate(databaseUrl);
    if (applied.length) log.log(`applied migrations: ${applied.join(', ')}`);
  }
  const runEnv: Env = { ...env, REDIS_URL: redisUrl };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  const levels = (['error', 'warn', 'log', 'debug'] as const).slice(0, ['error', 'warn', 'log', 'debug'].indexOf(env.LOG_LEVEL) + 1);
  const app = await NestFactory.create(AppModule.forRoot(runEnv, { databaseUrl, redis }, roles), {
    logger: options.logger ?? [...levels],
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.get(CourtsService).seed();
  let url: string | null = null;
  if (roles.api) {
    await app.listen(env.PORT, '0.0.0.0');
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : env.PORT}`;
  } else {
    await app.init();
  }
  return {
    app,
    env: runEnv,
    url,
    async close() {
      await app.close();
      redis.disconnect();
    },
  };
}
