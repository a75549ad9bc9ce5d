import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { ConnectionOptions } from 'bullmq';
import { ConfigModule } from './config/config.module.js';
import type { Env } from './config/env.schema.js';
import { CrawlingModule } from './crawling/crawling.module.js';
import type { RateLimiter } from './crawling/rate-limiter.js';
import { RATE_LIMITER } from './crawling/rate-limiter.token.js';
import { DatabaseModule } from './database/database.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { HealthModule } from './health/health.module.js';
import { CommonModule } from './common/common.module.js';
import { TrendsApiModule } from './trends/trends-api.module.js';
import { VerdictsApiModule } from './verdicts/verdicts-api.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { NewsModule } from './news/news.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';

export interface Roles {
  api: boolean;
  worker: boolean;
  scheduler: boolean;
}

export function rolesOf(role: Env['ROLE']): Roles {
  return { api: role === 'api' || role === 'all', worker: role === 'worker' || role === 'all', scheduler: role === 'scheduler' || role === 'all' };
}

/** What the composition root chose (src/database/backend.ts): the database, the queues' connection, the limiter. */
export interface Infrastructure {
  databaseUrl: string;
  databasePoolMax?: number;
  queueConnection: ConnectionOptions;
  rateLimiter: RateLimiter;
}

/** The composition root's module: the only place that knows which database and queue backend run. */
@Module({})
export class AppModule {
  static forRoot(env: Env, infra: Infrastructure, roles: Roles = rolesOf(env.ROLE)): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule.forRoot(infra.databaseUrl, { max: infra.databasePoolMax }),
        ScheduleModule.forRoot(),
        BullModule.forRoot({
          prefix: env.QUEUE_PREFIX,
          connection: infra.queueConnection,
          defaultJobOptions: {
            attempts: env.JOB_ATTEMPTS,
            backoff: { type: 'exponential', delay: env.JOB_BACKOFF_MS },
            removeOnComplete: { count: 10_000 },
            removeOnFail: { count: 50_000 },
          },
        }),
        CrawlingModule.forRoot(roles),
        AlertsModule.forRoot(roles),
        HealthModule,
        CommonModule,
        TrendsApiModule,
        VerdictsApiModule,
        ExportsModule,
        ClaimsModule,
        NewsModule.forRoot(roles),
        DashboardModule,
      ],
      providers: [
        { provide: RATE_LIMITER, useValue: infra.rateLimiter },
      ],
      exports: [RATE_LIMITER],
      global: true,
    };
  }
}
