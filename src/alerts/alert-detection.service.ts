import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { addDays, weekStart } from '../common/iso-week.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { AlertFilters, Method } from './alert-filters.js';
import { AlertLog } from './alert-log.js';
import { CourtHealth } from './court-health.js';
import { MailOutbox } from './mail-outbox.js';
import { renderOpsEmail } from './ops-email.js';
import { SeriesReader } from './series-reader.js';
import { detectSpikes } from './spike-detector.js';
import { inhibitionOf } from './spike-inhibition.js';
import { SpikeNotifier } from './spike-notifier.js';
import type { Sql } from './sql.js';
import { SubscriberHits } from './subscriber-hits.js';
import { publicBase } from './subscription-links.js';

/** Weeks of history read before the first week judged: enough for C3 (11) and the twelve-week chart. */
const HISTORY_WEEKS = 26;

export interface DetectionSummary {
  series: number;
  weeks: { from: string; to: string };
  spikes: number;
  heldBack: number;
  conditions: number;
  emails: number;
}

interface WatchedSeries {
  filterKey: string;
  filters: AlertFilters;
  method: Method;
}

/**
 * One detection run: every series someone confirmed a subscription to is judged by EARS on the weeks that
 * have left the publication lag (the last ALERT_LOOKBACK_WEEKS of them). An alarm on trustworthy data is a
 * spike for the subscribers; an alarm on a week with low coverage or broken courts is held back and goes to
 * the operators as a data alert, with every court in trouble. Runs are serialised by an advisory lock, and
 * everything they decide is idempotent (stored alerts, the subscriber ledger), so a second run sends nothing new.
 */
@Injectable()
export class AlertDetectionService {
  private readonly log = new Logger(AlertDetectionService.name);

  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    private readonly clock: Clock,
    private readonly reader: SeriesReader,
    private readonly alerts: AlertLog,
    private readonly hits: SubscriberHits,
    private readonly health: CourtHealth,
    private readonly notifier: SpikeNotifier,
    private readonly outbox: MailOutbox,
  ) {}

  /** The weeks judged now: the newest ALERT_LOOKBACK_WEEKS whose publication lag has passed. */
  judgedWeeks(): { from: string; to: string } {
    const to = addDays(weekStart(this.clock.today()), -7 * (this.env.PUBLICATION_LAG_WEEKS + 1));
    return { from: addDays(to, -7 * (this.env.ALERT_LOOKBACK_WEEKS - 1)), to };
  }

  async run(reason: string): Promise<DetectionSummary> {
    await this.outbox.sweep();
    const weeks = this.judgedWeeks();
    const summary: DetectionSummary = { series: 0, weeks, spikes: 0, heldBack: 0, conditions: 0, emails: 0 };
    const deliveries = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('verdict-watch:alerts'))`);
      const due = new Map<string, string[]>();
      const ops: string[] = [];
      for (const watched of await this.watched(tx)) {
        summary.series++;
        const { spikeIds, heldBack } = await this.judge(tx, watched, weeks);
        summary.spikes += spikeIds.length;
        summary.heldBack += heldBack.length;
        ops.push(...heldBack);
        const fresh = await this.hits.queue(tx, watched, spikeIds, this.env.ALERT_REPEAT_HOURS);
        for (const h of fresh.filter((x) => x.frequency === 'immediately')) due.set(h.subscriptionId, [...(due.get(h.subscriptionId) ?? []), h.alertId]);
      }
      for (const c of await this.health.conditions(tx)) {
        const id = await this.alerts.recordCondition(tx, c, this.env.ALERT_OPS_REPEAT_HOURS);
        if (!id) continue;
        ops.push(id);
        summary.conditions++;
      }
      const ids: string[] = [];
      for (const [subscriptionId, alertIds] of due) ids.push(await this.notifier.notify(tx, subscriptionId, alertIds));
      if (ops.length) {
        const opsMail = await this.opsMail(tx, ops);
        if (opsMail) ids.push(opsMail);
      }
      return ids;
    });
    await this.outbox.enqueue(deliveries);
    summary.emails = deliveries.length;
    if (summary.spikes || summary.heldBack || summary.conditions || deliveries.length) {
      this.log.log(
        `detection (${reason}) ${weeks.from}..${weeks.to}: ${summary.series} series, ${summary.spikes} spikes, ` +
          `${summary.heldBack} held back, ${summary.conditions} court alerts, ${deliveries.length} emails`,
      );
    }
    return summary;
  }

  private async watched(tx: Sql): Promise<WatchedSeries[]> {
    const rows = await tx.query(
      `SELECT DISTINCT filter_key, series, article, part, court_code, level, method FROM alert_subscriptions
        WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL ORDER BY filter_key, method`,
    );
    return rows.map((r: any) => ({
      filterKey: r.filter_key,
      filters: { series: r.series, article: r.article, part: r.part, court: r.court_code, level: r.level },
      method: r.method,
    }));
  }

  /** Judges one series; returns the spike alerts of the judged weeks (new or not) and newly held-back ones. */
  private async judge(tx: Sql, w: WatchedSeries, weeks: { from: string; to: string }) {
    const snap = await this.reader.read(tx, w.filters, addDays(weeks.from, -7 * HISTORY_WEEKS), weeks.to);
    const spikeIds: string[] = [];
    const heldBack: string[] = [];
    for (const j of detectSpikes(snap.weeks, snap.counts, w.method, HISTORY_WEEKS, this.env.ALERT_MIN_SIGMA)) {
      if (!j.alarm) continue;
      const why = inhibitionOf(snap, j.index, this.env.COVERAGE_THRESHOLD);
      const start = Math.max(0, j.index - 11);
      const { id, created } = await this.alerts.recordWeekly(tx, {
        kind: why ? 'data' : 'spike',
        reason: why ? 'inhibited' : 'ears',
        dedupKey: `${why ? 'inhibited' : 'spike'}|${w.filterKey}|${w.method}`,
        filters: w.filters,
        week: j.week,
        observed: j.observed,
        threshold: j.threshold,
        method: w.method,
        coverage: snap.expected ? snap.covered[j.index] / snap.expected : null,
        detail: why,
        history: snap.weeks.slice(start, j.index + 1).map((week, k) => ({ week, count: snap.counts[start + k] })),
      });
      if (!why) spikeIds.push(id);
      else if (created) heldBack.push(id);
    }
    return { spikeIds, heldBack };
  }

  private async opsMail(tx: Sql, alertIds: string[]): Promise<string | null> {
    if (!this.env.OPS_EMAIL) {
      this.log.warn(`${alertIds.length} data alerts stored but not mailed: OPS_EMAIL is not set`);
      return null;
    }
    const email = renderOpsEmail(await this.alerts.views(tx, alertIds), { publicUrl: publicBase(this.env.PUBLIC_URL) });
    return this.outbox.add(tx, { kind: 'ops', subscriptionId: null, to: this.env.OPS_EMAIL, email, alertIds });
  }
}
