import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { CrawlQueuesModule } from '../crawling/crawl-queues.module.js';
import { AlertDetectionService } from './alert-detection.service.js';
import { AlertLog } from './alert-log.js';
import { AlertMailer } from './alert-mailer.js';
import { AlertQueuesModule } from './alert-queues.js';
import { AlertScheduler } from './alert.scheduler.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';
import { CourtHealth } from './court-health.js';
import { DetectProcessor } from './detect.processor.js';
import { DigestProcessor } from './digest.processor.js';
import { DigestService } from './digest.service.js';
import { MailOutbox } from './mail-outbox.js';
import { MailProcessor } from './mail.processor.js';
import { ParseEventsListener } from './parse-events.listener.js';
import { SeriesReader } from './series-reader.js';
import { SpikeNotifier } from './spike-notifier.js';
import { SubscriberHits } from './subscriber-hits.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Spike and data alerts: services always; processors and the parse-queue hook in workers; ticks in schedulers. */
@Module({})
export class AlertsModule {
  static forRoot(roles: { worker: boolean; scheduler: boolean }): DynamicModule {
    const providers: Provider[] = [
      Clock,
      AlertLog,
      SeriesReader,
      SubscriberHits,
      CourtHealth,
      AlertMailer,
      MailOutbox,
      SpikeNotifier,
      AlertDetectionService,
      DigestService,
      SubscriptionsService,
      AlertsService,
    ];
    if (roles.worker) providers.push(DetectProcessor, DigestProcessor, MailProcessor, ParseEventsListener);
    if (roles.scheduler) providers.push(AlertScheduler);
    return {
      module: AlertsModule,
      imports: [AlertQueuesModule, CrawlQueuesModule],
      controllers: [AlertsController, SubscriptionsController],
      providers,
      exports: [AlertsService, AlertDetectionService, DigestService],
    };
  }
}
