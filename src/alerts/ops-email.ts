import { describeFilters, filterQuery } from './alert-filters.js';
import type { AlertView, RenderedEmail } from './alert-view.js';
import { escapeHtml, formatNumber, htmlDocument, isoWeekLabel, percent, weekEnd } from './email-parts.js';

const TITLE: Record<string, string> = {
  inhibited: 'Spike held back: the data for that week cannot be trusted',
  'court-blocked': 'Court blocks the crawler',
  'captcha-waiting': 'Court waits for a captcha',
  'layout-changed': 'Court pages the parser does not recognise (layout changed?)',
  'crawl-failing': 'Court crawl failing',
  'silent-court': 'Court went silent',
  'court-stale': 'No good crawl for too long',
};

/** One email to OPS_EMAIL with every new data alert of a run, grouped by reason. */
export function renderOpsEmail(alerts: AlertView[], o: { publicUrl: string }): RenderedEmail {
  const reasons = [...new Set(alerts.map((a) => a.reason))];
  const subject =
    alerts.length === 1
      ? `[verdict-watch ops] ${TITLE[alerts[0].reason] ?? alerts[0].reason}: ${subjectOf(alerts[0])}`
      : `[verdict-watch ops] ${alerts.length} data alerts (${reasons.join(', ')})`;
  const groups = reasons.map((r) => ({ title: TITLE[r] ?? r, items: alerts.filter((a) => a.reason === r) }));
  const text = groups.map((g) => `${g.title}\n${g.items.map((a) => `  - ${line(a)}`).join('\n')}`).join('\n\n');
  const html = groups
    .map((g) => `<h3>${escapeHtml(g.title)}</h3><ul>${g.items.map((a) => `<li>${escapeHtml(line(a))}${link(a, o.publicUrl)}</li>`).join('')}</ul>`)
    .join('');
  const foot = `Operator alerts go to OPS_EMAIL; recent ones: ${o.publicUrl}/api/alerts?kind=data`;
  return {
    subject,
    text: `${text}\n\n--\n${foot}\n`,
    html: htmlDocument(subject, `${html}<hr><p style="font-size:12px;color:#555">${escapeHtml(foot)}</p>`),
    headers: {},
  };
}

function subjectOf(a: AlertView): string {
  return a.reason === 'inhibited' ? `${describeFilters(a.filters!, a.courtName)}, ${isoWeekLabel(a.week!)}` : courtOf(a);
}

function courtOf(a: AlertView): string {
  return a.courtName ? `${a.courtName} (${a.court})` : (a.court ?? '');
}

function line(a: AlertView): string {
  if (a.reason !== 'inhibited') return `${courtOf(a)}: ${a.detail ?? ''}`;
  return (
    `${describeFilters(a.filters!, a.courtName)}, week ${isoWeekLabel(a.week!)}: ${a.observed} observed vs threshold ` +
    `${a.threshold === null ? '?' : formatNumber(a.threshold)} (EARS ${a.method}), coverage ${percent(a.coverage)}. ` +
    `No spike email was sent because ${a.detail ?? 'the data is incomplete'}.`
  );
}

function link(a: AlertView, publicUrl: string): string {
  if (a.reason !== 'inhibited') return '';
  const url = `${publicUrl}/?${filterQuery(a.filters!, { from: a.week!, to: weekEnd(a.week!) })}`;
  return ` <a href="${escapeHtml(url)}">dashboard</a>`;
}
