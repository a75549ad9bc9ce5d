import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Frequency } from './alert-filters.js';
import { MailOutbox } from './mail-outbox.js';
import { SpikeNotifier } from './spike-notifier.js';
import { SubscriberHits } from './subscriber-hits.js';

/** Daily and weekly digests: every spike waiting for a subscriber of that frequency, one email each. */
@Injectable()
export class DigestService {
  private readonly log = new Logger(DigestService.name);

  constructor(
    private readonly db: DataSource,
    private readonly hits: SubscriberHits,
    private readonly notifier: SpikeNotifier,
    private readonly outbox: MailOutbox,
  ) {}

  async send(frequency: Exclude<Frequency, 'immediately'>): Promise<number> {
    await this.outbox.sweep();
    const ids = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('verdict-watch:alerts'))`);
      const out: string[] = [];
      for (const [subscriptionId, alertIds] of await this.hits.pending(tx, frequency)) {
        out.push(await this.notifier.notify(tx, subscriptionId, alertIds, frequency));
      }
      return out;
    });
    await this.outbox.enqueue(ids);
    if (ids.length) this.log.log(`${frequency} digest: ${ids.length} emails`);
    return ids.length;
  }
}
