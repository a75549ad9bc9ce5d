import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { AlertMailer } from './alert-mailer.js';
import { AlertQueue, type MailJob } from './alert-queues.js';
import type { RenderedEmail } from './alert-view.js';
import { returned, type Sql } from './sql.js';

export type DeliveryKind = 'confirmation' | 'spike' | 'digest' | 'ops';

export interface NewDelivery {
  kind: DeliveryKind;
  subscriptionId: string | null;
  to: string;
  email: RenderedEmail;
  alertIds: string[];
}

/**
 * The outbox: every email is a row first (rendered once, in the transaction that decided to send it), then
 * a `mail` job that sends it with retries and backoff. An SMTP outage delays mail; the row keeps it until sent.
 */
@Injectable()
export class MailOutbox {
  private readonly log = new Logger(MailOutbox.name);

  constructor(
    private readonly db: DataSource,
    private readonly mailer: AlertMailer,
    @Inject(ENV) private readonly env: Env,
    @InjectQueue(AlertQueue.Mail) private readonly queue: Queue<MailJob>,
  ) {}

  async add(tx: Sql, d: NewDelivery): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO alert_deliveries (kind, subscription_id, to_address, subject, text_body, html_body, headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id::text AS id`,
      [d.kind, d.subscriptionId, d.to, d.email.subject, d.email.text, d.email.html, JSON.stringify(d.email.headers)],
    );
    if (d.alertIds.length) {
      await tx.query(`INSERT INTO alert_delivery_items (delivery_id, alert_id) SELECT $1, unnest($2::bigint[])`, [id, d.alertIds]);
    }
    return id;
  }

  /**
   * After the deciding transaction commits. One job per delivery: the job id makes a second enqueue a no-op
   * while the job lives; a sent job is removed at once (the row is the record), so an id is never stuck on it.
   */
  async enqueue(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.queue.addBulk(
      ids.map((deliveryId) => ({
        name: 'send',
        data: { deliveryId },
        opts: {
          jobId: `mail-${deliveryId}`,
          attempts: this.env.MAIL_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.env.MAIL_BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: false,
        },
      })),
    );
  }

  /**
   * Sends one delivery: nothing if it was sent or cancelled already, cancelled if its subscriber left.
   * Throws (so the queue retries) when SMTP refuses; the last attempt leaves the row `failed` for `sweep`.
   */
  async deliver(id: string, attempt: number, lastAttempt: boolean): Promise<'sent' | 'skipped' | 'cancelled'> {
    const [d] = await this.db.query(
      `SELECT d.*, s.unsubscribed_at FROM alert_deliveries d LEFT JOIN alert_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
      [id],
    );
    if (!d || d.status === 'sent' || d.status === 'cancelled') return 'skipped';
    if (d.unsubscribed_at) {
      await this.db.query(`UPDATE alert_deliveries SET status = 'cancelled' WHERE id = $1`, [id]);
      return 'cancelled';
    }
    try {
      await this.mailer.send({ to: d.to_address, subject: d.subject, text: d.text_body, html: d.html_body, headers: d.headers });
    } catch (err) {
      // SMTP errors may quote the recipient: no subscriber address goes to the log or the row.
      const message = String((err as Error).message).replace(/[^\s<>@"']+@[^\s<>@"']+/g, '<address>');
      await this.db.query(`UPDATE alert_deliveries SET attempts = $2, last_error = $3, status = $4 WHERE id = $1`, [
        id,
        attempt,
        message.slice(0, 500),
        lastAttempt ? 'failed' : 'pending',
      ]);
      this.log.warn(`mail ${id} (${d.kind}) attempt ${attempt} failed${lastAttempt ? ' for the last time; sweep retries it' : ''}: ${message}`);
      throw err;
    }
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE alert_deliveries SET status = 'sent', sent_at = now(), attempts = $2, last_error = NULL WHERE id = $1`, [id, attempt]);
      await tx.query(
        `UPDATE alerts SET sent_at = now() WHERE sent_at IS NULL AND id IN (SELECT alert_id FROM alert_delivery_items WHERE delivery_id = $1)`,
        [id],
      );
    });
    return 'sent';
  }

  /**
   * Mail that ran out of attempts, or whose job never made it to the queue (a crash between commit and
   * enqueue), gets a job again. Run by every detection and digest job, so nothing waits for long.
   */
  async sweep(): Promise<number> {
    const rows = returned<{ id: string }>(
      await this.db.query(
        `SELECT id::text AS id FROM alert_deliveries
          WHERE status = 'failed' OR (status = 'pending' AND created_at < now() - interval '5 minutes')
          ORDER BY id LIMIT 1000`,
      ),
    );
    let n = 0;
    for (const { id } of rows) {
      const job = await this.queue.getJob(`mail-${id}`);
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed') {
        await this.db.query(`UPDATE alert_deliveries SET status = 'pending' WHERE id = $1 AND status = 'failed'`, [id]);
        // Another worker's sweep may have retried it a moment ago: then it is no longer failed, and that is fine.
        await job!.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).catch(() => undefined);
      } else if (state === 'missing' || state === 'completed' || state === 'unknown') {
        if (job && state === 'completed') await job.remove(); // a finished job of an older row with the same id
        await this.enqueue([id]);
      } else {
        continue; // waiting, delayed or active: it will run
      }
      n++;
    }
    if (n) this.log.log(`requeued ${n} undelivered mail`);
    return n;
  }
}
