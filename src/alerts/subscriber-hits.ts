import { Injectable } from '@nestjs/common';
import type { Frequency } from './alert-filters.js';
import type { Sql } from './sql.js';

export interface Hit {
  subscriptionId: string;
  alertId: string;
  frequency: Frequency;
}

/**
 * The ledger of what each subscriber was given (`subscription_hits`): a spike reaches a subscriber once
 * (primary key), and a new spike of a series the subscriber heard about less than `repeatHours` ago waits
 * until that interval has passed (Alertmanager's repeat_interval).
 */
@Injectable()
export class SubscriberHits {
  /** Records and returns the hits due now for these spikes of one series key and method. */
  async queue(tx: Sql, key: { filterKey: string; method: string }, alertIds: string[], repeatHours: number): Promise<Hit[]> {
    if (!alertIds.length) return [];
    return tx.query(
      `INSERT INTO subscription_hits (subscription_id, alert_id)
       SELECT s.id, a.id FROM alert_subscriptions s JOIN alerts a ON a.id = ANY($3::bigint[])
        WHERE s.filter_key = $1 AND s.method = $2 AND s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM subscription_hits h JOIN alerts b ON b.id = h.alert_id
             WHERE h.subscription_id = s.id AND b.dedup_key = a.dedup_key
               AND (b.id = a.id OR (h.queued_at > now() - $4 * interval '1 hour' AND h.queued_at < now())))
       ON CONFLICT DO NOTHING
       RETURNING subscription_id::text AS "subscriptionId", alert_id::text AS "alertId",
                 (SELECT frequency FROM alert_subscriptions WHERE id = subscription_id) AS frequency`,
      [key.filterKey, key.method, alertIds, repeatHours],
    );
  }

  /** Hits waiting for a digest, per confirmed subscription of that frequency. */
  async pending(tx: Sql, frequency: Frequency): Promise<Map<string, string[]>> {
    const rows: { s: string; a: string }[] = await tx.query(
      `SELECT h.subscription_id::text AS s, h.alert_id::text AS a
         FROM subscription_hits h JOIN alert_subscriptions s ON s.id = h.subscription_id
         JOIN alerts a ON a.id = h.alert_id
        WHERE h.delivery_id IS NULL AND s.frequency = $1 AND s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL
        ORDER BY h.subscription_id, a.week, a.id`,
      [frequency],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.s, [...(out.get(r.s) ?? []), r.a]);
    return out;
  }

  async attach(tx: Sql, subscriptionId: string, alertIds: string[], deliveryId: string): Promise<void> {
    await tx.query(`UPDATE subscription_hits SET delivery_id = $3 WHERE subscription_id = $1 AND alert_id = ANY($2::bigint[])`, [
      subscriptionId,
      alertIds,
      deliveryId,
    ]);
  }
}
