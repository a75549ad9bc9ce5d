import { OnQueueEvent, QueueEventsHost, QueueEventsListener } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QueueName } from '../crawling/queue-names.js';
import { AlertsService } from './alerts.service.js';

/**
 * The hook into the pipeline, without touching it: every finished parse job (a listing or card stored and
 * counts refreshed, or a blocked/captcha/unknown page recorded) asks for a detection run. Requests are
 * grouped (AlertsService), so a crawl of hundreds of pages ends in one run. Missed events (a restart) are
 * caught up by the ALERT_SCHEDULE tick.
 */
@QueueEventsListener(QueueName.Parse)
export class ParseEventsListener extends QueueEventsHost {
  private readonly log = new Logger(ParseEventsListener.name);

  constructor(private readonly alerts: AlertsService) {
    super();
  }

  @OnQueueEvent('completed')
  onCompleted(): void {
    this.alerts.onCountsChanged().catch((e: Error) => this.log.warn(`could not request a detection run: ${e.message}`));
  }
}
