import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { PageStore } from '../crawling/page-store.service.js';
import { FigureAcceptanceService } from './figure-acceptance.service.js';
import { NewsArticleProcessor } from './news-article.processor.js';
import { NewsArticleService } from './news-article.service.js';
import { NewsCaseLinker } from './news-case-linker.js';
import { NewsCrawlService } from './news-crawl.service.js';
import { NewsFeedRuns } from './news-feed-runs.js';
import { NewsFeedProcessor } from './news-feed.processor.js';
import { NewsFeedService } from './news-feed.service.js';
import { NewsFetcher } from './news-fetcher.js';
import { NewsItemsStore } from './news-items.store.js';
import { NewsLinkProcessor } from './news-link.processor.js';
import { NewsProgressService } from './news-progress.service.js';
import { NewsQueryService } from './news-query.service.js';
import { NewsQueuesModule } from './news-queues.js';
import { NewsSourcesService } from './news-sources.service.js';
import { NewsController } from './news.controller.js';
import { NewsScheduler } from './news.scheduler.js';

/**
 * News feeds and articles linked to court records (docs/news.md): services and the API always,
 * processors only in worker roles, the schedule only in scheduler roles. PageStore is stateless
 * (pages table only), so this module keeps its own instance rather than reaching into crawling.
 */
@Module({})
export class NewsModule {
  static forRoot(roles: { worker: boolean; scheduler: boolean }): DynamicModule {
    const providers: Provider[] = [
      PageStore,
      NewsFetcher,
      NewsSourcesService,
      NewsFeedRuns,
      NewsItemsStore,
      NewsCaseLinker,
      NewsFeedService,
      NewsArticleService,
      NewsCrawlService,
      NewsProgressService,
      NewsQueryService,
      FigureAcceptanceService,
    ];
    if (roles.worker) providers.push(NewsFeedProcessor, NewsArticleProcessor, NewsLinkProcessor);
    if (roles.scheduler) providers.push(NewsScheduler);
    return {
      module: NewsModule,
      imports: [NewsQueuesModule, ClaimsModule],
      controllers: [NewsController],
      providers,
      exports: [NewsCrawlService, NewsProgressService, NewsCaseLinker, NewsSourcesService],
    };
  }
}
