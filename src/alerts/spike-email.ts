import { describeFilters, filterQuery } from './alert-filters.js';
import type { AlertView, RenderedEmail } from './alert-view.js';
import { escapeHtml, formatNumber, htmlChart, htmlDocument, isoWeekLabel, percent, textChart, weekEnd } from './email-parts.js';

export interface SubscriberLinks {
  unsubscribe: string;
  manage: string;
}

export interface SpikeEmailOptions {
  publicUrl: string;
  links: SubscriberLinks;
  /** Set for digests: the heading says so. */
  digest?: 'daily' | 'weekly';
  /** Spikes left out of a capped digest. */
  more?: number;
}

/**
 * One email for one subscriber, however many spikes it reports (grouped like Alertmanager's group_by):
 * per spike the week, observed vs threshold, a twelve-week chart and links to the dashboard and the CSV.
 * Counts only: never a defendant's name.
 */
export function renderSpikeEmail(spikes: AlertView[], o: SpikeEmailOptions): RenderedEmail {
  const first = spikes[0];
  const what = describeFilters(first.filters!, first.courtName);
  const subject = o.digest
    ? `[verdict-watch] ${o.digest === 'daily' ? 'Daily' : 'Weekly'} digest: ${count(spikes.length + (o.more ?? 0))} — ${what}`
    : spikes.length === 1
      ? `[verdict-watch] Spike in ${isoWeekLabel(first.week!)}: ${first.observed} (threshold ${formatNumber(first.threshold!)}) — ${what}`
      : `[verdict-watch] ${count(spikes.length)} — ${what}`;
  const intro = `verdict-watch found ${count(spikes.length + (o.more ?? 0))} in a series you follow.`;
  const texts = spikes.map((s) => textSection(s, o.publicUrl));
  const htmls = spikes.map((s) => htmlSection(s, o.publicUrl));
  const moreUrl = `${o.publicUrl}/api/alerts?${filterQuery(first.filters!, { kind: 'spike' })}`;
  const moreText = o.more ? `\n${o.more} more not shown: ${moreUrl}\n` : '';
  const moreHtml = o.more ? `<p>${o.more} more not shown: <a href="${escapeHtml(moreUrl)}">all alerts</a></p>` : '';
  const footText =
    `You get this because you subscribed to verdict-watch alerts.\n` +
    `Unsubscribe (one click): ${o.links.unsubscribe}\nYour subscription: ${o.links.manage}\n`;
  const footHtml =
    `<p style="font-size:12px;color:#555">You get this because you subscribed to verdict-watch alerts. ` +
    `<a href="${escapeHtml(o.links.unsubscribe)}">Unsubscribe</a> (one click) · <a href="${escapeHtml(o.links.manage)}">your subscription</a></p>`;
  return {
    subject,
    text: `${intro}\n\n${texts.join('\n\n')}\n${moreText}\n--\n${footText}`,
    html: htmlDocument(subject, `<p>${escapeHtml(intro)}</p>${htmls.join('<hr>')}${moreHtml}<hr>${footHtml}`),
    headers: { 'List-Unsubscribe': `<${o.links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

function count(n: number): string {
  return n === 1 ? '1 spike' : `${n} spikes`;
}

function links(s: AlertView, publicUrl: string) {
  const from = s.history[0]?.week ?? s.week!;
  return {
    dashboard: `${publicUrl}/?${filterQuery(s.filters!, { from, to: weekEnd(s.week!) })}`,
    csv: `${publicUrl}/api/cases.csv?${filterQuery(s.filters!, { from: s.week!, to: weekEnd(s.week!) })}`,
  };
}

function textSection(s: AlertView, publicUrl: string): string {
  const l = links(s, publicUrl);
  return [
    `${describeFilters(s.filters!, s.courtName)}`,
    `Week ${isoWeekLabel(s.week!)} (${s.week} to ${weekEnd(s.week!)}): ${s.observed} observed, threshold ${formatNumber(s.threshold!)} (EARS ${s.method}).`,
    `Coverage of that week: ${percent(s.coverage)} of the courts expected.`,
    `Last ${s.history.length} weeks:`,
    textChart(s.history, s.week!, s.threshold!),
    `Dashboard: ${l.dashboard}`,
    `Cases (CSV): ${l.csv}`,
  ].join('\n');
}

function htmlSection(s: AlertView, publicUrl: string): string {
  const l = links(s, publicUrl);
  return (
    `<h3 style="margin:12px 0 4px">${escapeHtml(describeFilters(s.filters!, s.courtName))}</h3>` +
    `<p>Week <b>${isoWeekLabel(s.week!)}</b> (${s.week} to ${weekEnd(s.week!)}): <b>${s.observed}</b> observed, ` +
    `threshold <b>${formatNumber(s.threshold!)}</b> (EARS ${s.method}). Coverage: ${percent(s.coverage)} of the courts expected.</p>` +
    htmlChart(s.history, s.week!, s.threshold!) +
    `<p><a href="${escapeHtml(l.dashboard)}">Open in the dashboard</a> · <a href="${escapeHtml(l.csv)}">Download the cases (CSV)</a></p>`
  );
}
