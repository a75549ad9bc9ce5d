import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { AlertQueue, type DetectJob } from './alert-queues.js';

/**
 * Asks for a detection run; it never detects in the caller's process. Like Alertmanager's group_wait, the
 * first request waits ALERT_GROUP_WAIT_MS so a whole crawl's worth of new counts ends in one run (and one
 * grouped email); requests meanwhile join it, and one arriving while a run is active gets one more run after it.
 */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    @InjectQueue(AlertQueue.Detect) private readonly queue: Queue<DetectJob>,
  ) {}

  /** New counts were stored (or a crawl ended) for `court`. */
  async onCountsChanged(court?: string): Promise<void> {
    await this.request(court ? `counts of ${court}` : 'counts changed', this.env.ALERT_GROUP_WAIT_MS);
  }

  async request(reason: string, delayMs = 0): Promise<void> {
    await this.queue.add('detect', { reason }, { delay: delayMs, deduplication: { id: 'detect', keepLastIfActive: true } });
  }
}
