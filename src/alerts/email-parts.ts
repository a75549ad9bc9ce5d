/** Small pieces every alert email uses: escaping, ISO week labels, the twelve-week chart in text and HTML. */

export interface WeekCount {
  week: string;
  count: number;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** 2026-03-02 → "2026-W10" (ISO 8601 week of the Monday given). */
export function isoWeekLabel(monday: string): string {
  const d = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(d.getTime() + ((3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function weekEnd(monday: string): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
}

const TICKS = '▁▂▃▄▅▆▇█';

/** "▁▂▁▃█" — one character per week, scaled to the largest count. */
export function sparkline(history: WeekCount[]): string {
  const max = Math.max(1, ...history.map((h) => h.count));
  return history.map((h) => TICKS[Math.round((h.count / max) * (TICKS.length - 1))]).join('');
}

/** Plain-text chart: a sparkline, then one line per week with a bar; the alert week is marked. */
export function textChart(history: WeekCount[], marked: string, threshold?: number): string {
  const max = Math.max(1, ...history.map((h) => h.count), threshold ?? 0);
  const width = String(max).length;
  const lines = history.map((h) => {
    const bar = '#'.repeat(Math.round((h.count / max) * 30));
    return `  ${isoWeekLabel(h.week)}  ${String(h.count).padStart(width)}  ${bar}${h.week === marked ? '  <<' : ''}`;
  });
  return [`  ${sparkline(history)}`, ...lines].join('\n');
}

/** HTML chart: a table of bars (email clients drop SVG and scripts; tables survive everywhere). */
export function htmlChart(history: WeekCount[], marked: string, threshold?: number): string {
  const max = Math.max(1, ...history.map((h) => h.count), threshold ?? 0);
  const rows = history.map((h) => {
    const px = Math.max(1, Math.round((h.count / max) * 200));
    const colour = h.week === marked ? '#c0392b' : '#7f8c8d';
    return (
      `<tr><td style="padding:1px 8px 1px 0;font:12px monospace;white-space:nowrap">${isoWeekLabel(h.week)}</td>` +
      `<td style="padding:1px 8px 1px 0;font:12px monospace;text-align:right">${h.count}</td>` +
      `<td style="padding:1px 0"><div style="background:${colour};height:10px;width:${px}px"></div></td></tr>`
    );
  });
  const caption = threshold === undefined ? '' : `<caption style="text-align:left;font:12px sans-serif;color:#555">Threshold this week: ${formatNumber(threshold)}</caption>`;
  return `<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse">${caption}${rows.join('')}</table>`;
}

export function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

export function percent(x: number | null): string {
  return x === null ? 'unknown' : `${Math.round(x * 100)}%`;
}

/** Wraps an HTML body in the minimal document every client renders. */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font:14px/1.4 sans-serif;color:#222;max-width:640px">${body}</body></html>`;
}
