import { Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { TrendsModule } from '../trends/trends.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { CaptchaController } from './captcha.controller.js';
import { CaptchaService } from './captcha.service.js';
import { CourtsService } from './courts.service.js';
import { CrawlProgressService } from './crawl-progress.service.js';
import { CrawlRunsService } from './crawl-runs.service.js';
import { CrawlProcessor } from './crawl.processor.js';
import { CrawlScheduler } from './crawl.scheduler.js';
import { CrawlService } from './crawl.service.js';
import { FetchProcessor } from './fetch.processor.js';
import { FetchService } from './fetch.service.js';
import { PageStore } from './page-store.service.js';
import { ParseProcessor } from './parse.processor.js';
import { ParseService } from './parse.service.js';
import { politeFetcherSettings } from './polite-fetcher-settings.js';
import { PoliteFetcher } from './polite-fetcher.js';
import { ReparseService } from './reparse.service.js';
import { CrawlQueuesModule } from './crawl-queues.module.js';
import { RATE_LIMITER } from './rate-limiter.token.js';
import type { RateLimiter } from './rate-limiter.js';

/** Crawling: services always; processors only in worker roles, the schedule only in scheduler roles. */
@Module({})
export class CrawlingModule implements OnApplicationShutdown {
  constructor(private readonly fetcher: PoliteFetcher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.fetcher.close();
  }

  static forRoot(roles: { worker: boolean; scheduler: boolean }): DynamicModule {
    const providers: Provider[] = [
      CourtsService,
      CaptchaService,
      CrawlRunsService,
      CrawlProgressService,
      CrawlService,
      PageStore,
      ParseService,
      ReparseService,
      FetchService,
      {
        provide: PoliteFetcher,
        inject: [ENV, RATE_LIMITER],
        useFactory: (env: Env, limiter: RateLimiter) =>
          new PoliteFetcher(politeFetcherSettings(env), limiter),
      },
    ];
    if (roles.worker) providers.push(CrawlProcessor, FetchProcessor, ParseProcessor);
    if (roles.scheduler) providers.push(CrawlScheduler);
    return {
      module: CrawlingModule,
      controllers: [CaptchaController],
      imports: [CrawlQueuesModule, VerdictsModule, TrendsModule],
      providers,
      exports: [CaptchaService, CourtsService, CrawlProgressService, CrawlService, ReparseService, CrawlRunsService, PageStore, CrawlQueuesModule],
    };
  }
}
