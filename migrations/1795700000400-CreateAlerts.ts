import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alert subscriptions, the alert log, the mail outbox and the per-subscriber ledger of what was sent. */
export class CreateAlerts1795700000400 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Tokens are capabilities: whoever holds the link may confirm / unsubscribe / view, nothing else.
    await q.query(`
      CREATE TABLE alert_subscriptions (
        id                   bigserial PRIMARY KEY,
        email                text NOT NULL,
        series               text NOT NULL CHECK (series IN ('received','decided','convicted')),
        article              text NOT NULL,
        part                 text NOT NULL DEFAULT '*',
        court_code           text REFERENCES courts(code),
        level                text CHECK (level IN ('garrison','okrug')),
        method               text NOT NULL CHECK (method IN ('C1','C2','C3')),
        frequency            text NOT NULL CHECK (frequency IN ('immediately','daily','weekly')),
        filter_key           text NOT NULL,
        confirm_token        text NOT NULL UNIQUE,
        unsubscribe_token    text NOT NULL UNIQUE,
        created_at           timestamptz NOT NULL DEFAULT now(),
        confirmation_sent_at timestamptz,
        confirmed_at         timestamptz,
        unsubscribed_at      timestamptz
      )`);
    await q.query(`
      CREATE UNIQUE INDEX alert_subscriptions_active_idx
        ON alert_subscriptions (email, filter_key, method) WHERE unsubscribed_at IS NULL`);
    // Every alert found: spikes (kind 'spike') and data alerts to the operators (kind 'data').
    await q.query(`
      CREATE TABLE alerts (
        id          bigserial PRIMARY KEY,
        kind        text NOT NULL CHECK (kind IN ('spike','data')),
        reason      text NOT NULL,
        dedup_key   text NOT NULL,
        series      text,
        article     text,
        part        text,
        court_code  text,
        level       text,
        week        date,
        observed    integer,
        threshold   double precision,
        method      text,
        coverage    double precision,
        detail      text,
        history     jsonb,
        detected_at timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX alerts_once_per_week_idx ON alerts (dedup_key, week) WHERE week IS NOT NULL`);
    await q.query(`CREATE INDEX alerts_key_idx ON alerts (dedup_key, detected_at DESC)`);
    await q.query(`CREATE INDEX alerts_recent_idx ON alerts (detected_at DESC)`);
    // The outbox: a row per email, rendered once; the mail queue sends it and marks it.
    await q.query(`
      CREATE TABLE alert_deliveries (
        id              bigserial PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('confirmation','spike','digest','ops')),
        subscription_id bigint REFERENCES alert_subscriptions(id) ON DELETE CASCADE,
        to_address      text NOT NULL,
        subject         text NOT NULL,
        text_body       text NOT NULL,
        html_body       text NOT NULL,
        headers         jsonb NOT NULL DEFAULT '{}',
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','cancelled')),
        attempts        integer NOT NULL DEFAULT 0,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz
      )`);
    await q.query(`CREATE INDEX alert_deliveries_unsent_idx ON alert_deliveries (created_at) WHERE status IN ('pending','failed')`);
    await q.query(`
      CREATE TABLE alert_delivery_items (
        delivery_id bigint NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
        alert_id    bigint NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        PRIMARY KEY (delivery_id, alert_id)
      )`);
    // A spike reaches a subscriber once: the primary key is the guarantee. delivery_id NULL = waiting for a digest.
    await q.query(`
      CREATE TABLE subscription_hits (
        subscription_id bigint NOT NULL REFERENCES alert_subscriptions(id) ON DELETE CASCADE,
        alert_id        bigint NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        delivery_id     bigint REFERENCES alert_deliveries(id),
        queued_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscription_id, alert_id)
      )`);
    await q.query(`CREATE INDEX subscription_hits_pending_idx ON subscription_hits (subscription_id) WHERE delivery_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subscription_hits`);
    await q.query(`DROP TABLE alert_delivery_items`);
    await q.query(`DROP TABLE alert_deliveries`);
    await q.query(`DROP TABLE alerts`);
    await q.query(`DROP TABLE alert_subscriptions`);
  }
}
