import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { Redis } from 'ioredis';
import { ConfigModule } from './config/config.module.js';
import type { Env } from './config/env.schema.js';
import { CrawlingModule } from './crawling/crawling.module.js';
import { MemoryRateLimiter } from './crawling/rate-limiter.js';
import { RATE_LIMITER } from './crawling/rate-limiter.token.js';
import { RedisRateLimiter } from './crawling/redis-rate-limiter.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';

export interface Roles {
  api: boolean;
  worker: boolean;
  scheduler: boolean;
}

export function rolesOf(role: Env['ROLE']): Roles {
  return { api: role === 'api' || role === 'all', worker: role === 'worker' || role === 'all', scheduler: role === 'scheduler' || role === 'all' };
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

/** The composition root's module: the only place that knows which database and queue backend run. */
@Module({})
export class AppModule {
  static forRoot(env: Env, infra: { databaseUrl: string; redis?: Redis }, roles: Roles = rolesOf(env.ROLE)): DynamicModule {
    const redisUrl = env.REDIS_URL;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule.forRoot(infra.databaseUrl),
        ScheduleModule.forRoot(),
        BullModule.forRoot({
          prefix: env.QUEUE_PREFIX,
          connection: redisOptions(redisUrl!),
          defaultJobOptions: {
            attempts: env.JOB_ATTEMPTS,
            backoff: { type: 'exponential', delay: env.JOB_BACKOFF_MS },
            removeOnComplete: { count: 10_000 },
            removeOnFail: { count: 50_000 },
          },
        }),
        CrawlingModule.forRoot(roles),
        HealthModule,
      ],
      providers: [
        {
          provide: RATE_LIMITER,
          useFactory: () =>
            infra.redis
              ? new RedisRateLimiter(infra.redis, {
                  minIntervalMs: env.CRAWL_MIN_INTERVAL_MS,
                  leaseMs: env.CRAWL_TIMEOUT_MS * 2,
                  prefix: `${env.QUEUE_PREFIX}:polite:`,
                })
              : new MemoryRateLimiter({ minIntervalMs: env.CRAWL_MIN_INTERVAL_MS }),
        },
      ],
      exports: [RATE_LIMITER],
      global: true,
    };
  }
}
