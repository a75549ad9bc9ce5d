import { Module } from '@nestjs/common';
import { CrawlQueuesModule } from '../crawling/crawl-queues.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [CrawlQueuesModule], controllers: [HealthController] })
export class HealthModule {}
