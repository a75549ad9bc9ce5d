import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, rolesOf, type Roles } from './app.module.js';
import type { Env } from './config/env.schema.js';
import { InvalidConfigError } from './config/load-env.js';
import { setupOpenApi } from './common/openapi.js';
import { CourtsService } from './crawling/courts.service.js';
import { embeddedNotice, openBackend, type Backend } from './database/backend.js';
import { createDataSource } from './database/data-source.js';
import { ensureDatabase } from './database/ensure-database.js';

export interface RunningService {
  app: INestApplication;
  env: Env;
  url: string | null;
  /** The configuration it runs on (embedded, postgres or redis) and its database's address. */
  backend: Backend;
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
  /** A backend opened by the caller (who closes it); by default the service opens its own from env. */
  backend?: Backend;
  /** Close the service on SIGINT/SIGTERM/SIGHUP, then end the process (default true). */
  handleSignals?: boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function startService(env: Env, options: StartOptions = {}): Promise<RunningService> {
  const roles = options.roles ?? rolesOf(env.ROLE);
  const log = new Logger('verdict-watch');
  const levels = (['error', 'warn', 'log', 'debug'] as const).slice(0, ['error', 'warn', 'log', 'debug'].indexOf(env.LOG_LEVEL) + 1);
  const logger = options.logger ?? [...levels];
  const says = (level: 'log' | 'warn') => logger !== false && logger.includes(level);
  const backend = options.backend ?? (await openBackend(env, { warn: (m) => log.warn(m) }));
  const ownsBackend = !options.backend;
  let app: INestApplication | null = null;
  try {
    if (backend.kind === 'embedded' && !options.roles && env.ROLE !== 'all') {
      throw new InvalidConfigError(
        `Invalid configuration:\n  ROLE=${env.ROLE} needs a shared database: the embedded one serves a single process that runs every role. ` +
          `Set DATABASE_URL (docs/deployment.md), or leave ROLE unset.`,
      );
    }
    if (says('log')) {
      if (backend.kind === 'embedded') log.log(embeddedNotice(env.DATA_DIR));
      log.log(backend.summary);
    }
    if (env.MIGRATIONS_RUN) {
      const applied = await migrate(backend.databaseUrl);
      if (applied.length && says('log')) log.log(`applied migrations: ${applied.join(', ')}`);
    }
    backend.useForQueues(); // before Nest builds the queues: they read BullMQ's default backend
    app = await NestFactory.create(
      AppModule.forRoot(
        env,
        {
          databaseUrl: backend.databaseUrl,
          databasePoolMax: backend.databasePoolMax,
          queueConnection: backend.queueConnection,
          rateLimiter: backend.rateLimiter,
        },
        roles,
      ),
      { logger, abortOnError: false },
    );
    await app.get(CourtsService).seed();
    let url: string | null = null;
    if (roles.api) {
      setupOpenApi(app);
      await app.listen(env.PORT, '0.0.0.0');
      const address = app.getHttpServer().address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : env.PORT}`;
    } else {
      await app.init();
    }
    const running = app;
    let closing: Promise<void> | null = null;
    const close = () =>
      (closing ??= (async () => {
        try {
          await running.close();
        } finally {
          // Last: the embedded database must outlive every queue and connection of the app.
          if (ownsBackend) await backend.close();
          for (const signal of SIGNALS) process.off(signal, onSignal);
        }
      })());
    // The first signal closes gracefully (workers finish their jobs); a second one does not wait.
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        log.warn(`${signal} again: exiting without waiting for the shutdown to finish`);
        process.exit(1);
      }
      close().then(
        () => process.kill(process.pid, signal),
        (err: Error) => {
          log.error(`error during shutdown: ${err.stack ?? err.message}`);
          process.exit(1);
        },
      );
    };
    if (options.handleSignals !== false) for (const signal of SIGNALS) process.on(signal, onSignal);
    return { app, env, url, backend, close };
  } catch (err) {
    await app?.close().catch(() => undefined);
    if (ownsBackend) await backend.close().catch(() => undefined);
    throw err;
  }
}
