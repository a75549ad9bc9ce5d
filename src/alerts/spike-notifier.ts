import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { AlertLog } from './alert-log.js';
import { MailOutbox } from './mail-outbox.js';
import { renderSpikeEmail } from './spike-email.js';
import type { Sql } from './sql.js';
import { SubscriberHits } from './subscriber-hits.js';
import { publicBase, subscriptionLinks } from './subscription-links.js';

/** At most this many spikes are listed in one digest (CourtListener caps at 20 too); the rest are linked. */
export const DIGEST_LIMIT = 20;

/** Turns a subscriber's due spikes into one email in the outbox (grouped), and marks them as given. */
@Injectable()
export class SpikeNotifier {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly alerts: AlertLog,
    private readonly hits: SubscriberHits,
    private readonly outbox: MailOutbox,
  ) {}

  async notify(tx: Sql, subscriptionId: string, alertIds: string[], digest?: 'daily' | 'weekly'): Promise<string> {
    const [sub] = await tx.query(`SELECT email, unsubscribe_token FROM alert_subscriptions WHERE id = $1`, [subscriptionId]);
    const views = await this.alerts.views(tx, alertIds);
    const shown = views.slice(-DIGEST_LIMIT); // the newest weeks
    const email = renderSpikeEmail(shown, {
      publicUrl: publicBase(this.env.PUBLIC_URL),
      links: subscriptionLinks(this.env.PUBLIC_URL, { unsubscribe: sub.unsubscribe_token }),
      digest,
      more: views.length - shown.length,
    });
    const id = await this.outbox.add(tx, { kind: digest ? 'digest' : 'spike', subscriptionId, to: sub.email, email, alertIds });
    await this.hits.attach(tx, subscriptionId, alertIds, id);
    return id;
  }
}
