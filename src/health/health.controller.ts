import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '../crawling/queue-names.js';

/** Liveness of what the service depends on: Postgres, the queue backend and the queues' depth. */
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @InjectQueue(QueueName.Crawl) private readonly crawl: Queue,
    @InjectQueue(QueueName.Fetch) private readonly fetch: Queue,
    @InjectQueue(QueueName.Parse) private readonly parse: Queue,
  ) {}

  @Get()
  async health() {
    const postgres = await this.db.query('SELECT 1').then(() => 'ok', (e: Error) => `error: ${e.message}`);
    const queues: Record<string, unknown> = {};
    let backend = 'ok';
    for (const q of [this.crawl, this.fetch, this.parse]) {
      try {
        queues[q.name] = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      } catch (e) {
        backend = `error: ${(e as Error).message}`;
      }
    }
    const body = { status: postgres === 'ok' && backend === 'ok' ? 'ok' : 'degraded', postgres, queueBackend: backend, queues };
    if (body.status !== 'ok') throw new HttpException(body, 503);
    return body;
  }
}
