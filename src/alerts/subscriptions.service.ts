import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InvalidParameterError } from '../common/errors/invalid-parameter.error.js';
import { NotFoundError } from '../common/errors/not-found.error.js';
import { partName } from '../common/query-fields.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { filterKey, type AlertFilters } from './alert-filters.js';
import { renderConfirmationEmail } from './confirmation-email.js';
import { MailOutbox } from './mail-outbox.js';
import { returned, type Sql } from './sql.js';
import type { CreateSubscription, UpdateSubscription } from './subscription.schema.js';
import { subscriptionLinks } from './subscription-links.js';

/** A second POST for an unconfirmed subscription re-sends the confirmation at most this often. */
const CONFIRMATION_RESEND_MINUTES = 15;
/** No address gets more confirmation emails than this a day, whatever anyone posts. */
const CONFIRMATIONS_PER_DAY = 5;

export interface SubscriptionView {
  email: string;
  filters: { series: string; article: string; part: string; court: string | null; level: string | null };
  method: string;
  frequency: string;
  status: 'pending-confirmation' | 'active' | 'unsubscribed';
  createdAt: string;
}

const token = () => randomBytes(24).toString('base64url');

/**
 * Subscriptions with double opt-in: a new address gets only the confirmation email until its link is
 * opened. Every later email carries the unsubscribe token, which also opens the subscription's page.
 * Answers never say whether an address is already subscribed.
 */
@Injectable()
export class SubscriptionsService {
  private readonly log = new Logger(SubscriptionsService.name);

  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    private readonly outbox: MailOutbox,
  ) {}

  async subscribe(input: CreateSubscription): Promise<{ status: 'pending-confirmation'; message: string }> {
    const f: AlertFilters = { ...input.filters, court: input.filters.court ?? null, level: input.filters.level ?? null };
    const deliveryId = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO alert_subscriptions (email, series, article, part, court_code, level, method, frequency, filter_key, confirm_token, unsubscribe_token)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (email, filter_key, method) WHERE unsubscribed_at IS NULL DO NOTHING`,
        [input.email, f.series, f.article, f.part, f.court, f.level, input.method, input.frequency, filterKey(f), token(), token()],
      );
      const [sub] = returned<any>(
        await tx.query(
          `UPDATE alert_subscriptions SET confirmation_sent_at = now(), frequency = $4
            WHERE email = $1 AND filter_key = $2 AND method = $3 AND unsubscribed_at IS NULL AND confirmed_at IS NULL
              AND (confirmation_sent_at IS NULL OR confirmation_sent_at < now() - $5 * interval '1 minute')
           RETURNING id::text AS id, confirm_token, unsubscribe_token`,
          [input.email, filterKey(f), input.method, input.frequency, CONFIRMATION_RESEND_MINUTES],
        ),
      );
      return sub ? this.confirmation(tx, sub, f, input) : null;
    });
    if (deliveryId) await this.outbox.enqueue([deliveryId]);
    return { status: 'pending-confirmation', message: 'If the address can receive mail, a confirmation link is on its way.' };
  }

  async confirm(t: string): Promise<SubscriptionView> {
    const [row] = returned<any>(
      await this.db.query(
        `UPDATE alert_subscriptions SET confirmed_at = COALESCE(confirmed_at, now())
          WHERE confirm_token = $1 AND unsubscribed_at IS NULL RETURNING *`,
        [t],
      ),
    );
    if (!row) throw new NotFoundError('subscription', 'for this link (unsubscribed, or the link is wrong)');
    this.log.log(`subscription ${row.id} confirmed`);
    return view(row);
  }

  /** Works from the link alone, as often as it is opened; mail not yet sent to the address is cancelled. */
  async unsubscribe(t: string): Promise<SubscriptionView> {
    const row = await this.db.transaction(async (tx) => {
      const [r] = returned<any>(
        await tx.query(`UPDATE alert_subscriptions SET unsubscribed_at = COALESCE(unsubscribed_at, now()) WHERE unsubscribe_token = $1 RETURNING *`, [t]),
      );
      if (r) await tx.query(`UPDATE alert_deliveries SET status = 'cancelled' WHERE subscription_id = $1 AND status IN ('pending', 'failed')`, [r.id]);
      return r;
    });
    if (!row) throw new NotFoundError('subscription', 'for this link');
    this.log.log(`subscription ${row.id} unsubscribed`);
    return view(row);
  }

  async get(t: string): Promise<SubscriptionView> {
    const [row] = await this.db.query(`SELECT * FROM alert_subscriptions WHERE unsubscribe_token = $1`, [t]);
    if (!row) throw new NotFoundError('subscription', 'for this link');
    return view(row);
  }

  async update(t: string, patch: UpdateSubscription): Promise<SubscriptionView> {
    try {
      const [row] = returned<any>(
        await this.db.query(
          `UPDATE alert_subscriptions SET method = COALESCE($2, method), frequency = COALESCE($3, frequency)
            WHERE unsubscribe_token = $1 AND unsubscribed_at IS NULL RETURNING *`,
          [t, patch.method ?? null, patch.frequency ?? null],
        ),
      );
      if (!row) throw new NotFoundError('subscription', 'for this link (or it was unsubscribed)');
      return view(row);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new InvalidParameterError('method', 'this address already follows the same series with that method', 'body');
      }
      throw err;
    }
  }

  private async confirmation(tx: Sql, sub: { id: string; confirm_token: string; unsubscribe_token: string }, f: AlertFilters, input: CreateSubscription) {
    const [recent] = await tx.query(
      `SELECT count(*)::int AS n FROM alert_deliveries WHERE kind = 'confirmation' AND to_address = $1 AND created_at > now() - interval '1 day'`,
      [input.email],
    );
    if (recent.n >= CONFIRMATIONS_PER_DAY) {
      this.log.warn(`subscription ${sub.id}: confirmation not sent, the address had ${recent.n} today`);
      return null;
    }
    const [court] = f.court ? await tx.query(`SELECT name FROM courts WHERE code = $1`, [f.court]) : [];
    const links = subscriptionLinks(this.env.PUBLIC_URL, { confirm: sub.confirm_token, unsubscribe: sub.unsubscribe_token });
    const email = renderConfirmationEmail({ filters: f, courtName: court?.name ?? null, method: input.method, frequency: input.frequency }, links);
    return this.outbox.add(tx, { kind: 'confirmation', subscriptionId: sub.id, to: input.email, email, alertIds: [] });
  }
}

function view(r: any): SubscriptionView {
  return {
    email: r.email,
    filters: { series: r.series, article: r.article, part: partName(r.part), court: r.court_code, level: r.level },
    method: r.method,
    frequency: r.frequency,
    status: r.unsubscribed_at ? 'unsubscribed' : r.confirmed_at ? 'active' : 'pending-confirmation',
    createdAt: new Date(r.created_at).toISOString(),
  };
}
