// The weekly chart, drawn as SVG at the size it is shown (so its text stays legible on a phone).
// Hover or arrow keys pick a week; its numbers and a link to its cases show in a card over the chart.

import { announce, h, replace, s } from './dom.js';
import { fmt, t } from './i18n.js';

export const SERIES = ['received', 'decided', 'convicted'];
export const STYLE = {
  received: { color: '#1d5fd1', dash: '7 4' },
  decided: { color: '#0b7468', dash: '2 3' },
  convicted: { color: '#c0400b', dash: '' },
};

const M = { top: 14, right: 14, bottom: 36, left: 46 };

function niceStep(max, ticks) {
  const raw = Math.max(max, 1) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return Math.max(1, (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag);
}

/** Runs of consecutive weeks for which `test` holds, as [first, last] indexes. */
function runs(weeks, test) {
  const out = [];
  weeks.forEach((w, i) => {
    if (!test(w)) return;
    const last = out.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

export const isLow = (w, threshold) => !w.incomplete && w.coverage !== null && w.coverage < threshold;

/**
 * Draws into `root` (emptied). `data`: { weeks, series, threshold, band: { from, to, lower, upper } | null,
 * casesHref(week) }. Returns a function that redraws at the current width.
 */
export function drawChart(root, data) {
  const { weeks, series, threshold, band } = data;
  let active = -1;
  let pinned = false;
  const plot = h('div', {
    class: 'plot',
    tabindex: '0',
    role: 'group',
    'aria-roledescription': t('chart.role'),
    'aria-label': t('chart.keys'),
  });
  const card = h('div', { class: 'week-card', hidden: true });
  replace(root, plot, card);

  let geo = null;
  function draw() {
    const width = Math.max(280, Math.floor(root.clientWidth));
    const height = Math.round(Math.min(400, Math.max(250, width * 0.42)));
    const iw = width - M.left - M.right;
    const ih = height - M.top - M.bottom;
    const n = Math.max(weeks.length, 1);
    const step = iw / n;
    const x = (i) => M.left + step * (i + 0.5);
    const bandShown = band && weeks.length && band.to >= weeks[0].week && band.from <= weeks.at(-1).week;
    const max = Math.max(1, ...weeks.flatMap((w) => SERIES.map((k) => w[k])), bandShown ? band.upper : 0);
    const tick = niceStep(max, height < 300 ? 4 : 5);
    const top = Math.ceil((max * 1.05) / tick) * tick;
    const y = (v) => M.top + ih - (v / top) * ih;
    geo = { x, step, width };

    const svg = s('svg', {
      width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-caption', class: 'chart-svg',
    });
    const defs = s('defs', null,
      s('pattern', { id: 'hatch', width: 7, height: 7, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 7, height: 7, fill: '#f4f1ea' }),
        s('line', { x1: 0, y1: 0, x2: 0, y2: 7, stroke: '#a39c8c', 'stroke-width': 2.2 })),
    );
    svg.append(defs);

    // Weeks that are not yet whole (publication lag) and weeks too few courts were crawled for.
    for (const [a, b] of runs(weeks, (w) => w.incomplete)) {
      svg.append(s('rect', { class: 'bg-incomplete', x: M.left + step * a, y: M.top, width: step * (b - a + 1), height: ih, fill: 'url(#hatch)' }));
    }
    for (const [a, b] of runs(weeks, (w) => isLow(w, threshold))) {
      svg.append(s('rect', { class: 'bg-low', x: M.left + step * a, y: M.top, width: step * (b - a + 1), height: ih, fill: '#e6e8ee' }));
    }

    // Grid and y axis.
    for (let v = 0; v <= top; v += tick) {
      svg.append(
        s('line', { x1: M.left, x2: M.left + iw, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }),
        s('text', { x: M.left - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, fmt.int(v)),
      );
    }

    // x axis: the first Monday of each month, thinned to fit; the year under the first label and under January.
    const minGap = 40;
    let lastX = -Infinity;
    let lastYear = '';
    weeks.forEach((w, i) => {
      const day = Number(w.week.slice(8, 10));
      const month = w.week.slice(5, 7);
      if (day > 7 || x(i) - lastX < minGap) return;
      if (weeks.length > 110 && !['01', '04', '07', '10'].includes(month)) return;
      lastX = x(i);
      svg.append(s('line', { x1: x(i), x2: x(i), y1: M.top + ih, y2: M.top + ih + 5, class: 'axis' }));
      svg.append(s('text', { x: x(i), y: M.top + ih + 18, 'text-anchor': 'middle', class: 'tick' }, fmt.month(w.week)));
      const year = w.week.slice(0, 4);
      if (year !== lastYear) {
        svg.append(s('text', { x: x(i), y: M.top + ih + 31, 'text-anchor': 'middle', class: 'tick year' }, year));
        lastYear = year;
      }
    });

    // The claim's band over the claim's weeks.
    if (bandShown) {
      const a = Math.max(0, weeks.findIndex((w) => w.week >= band.from));
      let b = weeks.findLastIndex((w) => w.week <= band.to);
      if (b < 0) b = weeks.length - 1;
      const bx = M.left + step * a;
      const bw = step * (b - a + 1);
      svg.append(
        s('rect', { class: 'claim-band', x: bx, width: bw, y: y(band.upper), height: Math.max(1, y(band.lower) - y(band.upper)) }),
        s('line', { class: 'claim-line', x1: bx, x2: bx + bw, y1: y((band.lower + band.upper) / 2), y2: y((band.lower + band.upper) / 2) }),
      );
      const label = s('text', { class: 'claim-label', x: Math.min(bx + 4, M.left + iw - 4), y: y(band.upper) - 5,
        'text-anchor': bx + 4 > M.left + iw - 120 ? 'end' : 'start' }, t('chart.claimBand'));
      svg.append(label);
    }

    // Lines: the chosen series on top; weeks inside the publication lag dashed and faded.
    const order = SERIES.filter((k) => k !== series).concat(series);
    const firstLag = weeks.findIndex((w) => w.incomplete);
    for (const k of order) {
      const pts = weeks.map((w, i) => `${x(i).toFixed(1)},${y(w[k]).toFixed(1)}`);
      const solidEnd = firstLag < 0 ? pts.length : firstLag;
      const cls = `line line-${k}${k === series ? ' chosen' : ''}`;
      const attrs = { fill: 'none', stroke: STYLE[k].color, 'stroke-dasharray': STYLE[k].dash || undefined };
      if (solidEnd > 0) svg.append(s('path', { ...attrs, class: cls, d: `M${pts.slice(0, solidEnd).join('L')}` }));
      if (solidEnd < pts.length) {
        svg.append(s('path', { ...attrs, class: `${cls} lagged`, d: `M${pts.slice(Math.max(0, solidEnd - 1)).join('L')}` }));
      }
    }
    // Points of the chosen series: hollow in lagged or badly covered weeks.
    if (step >= 5) {
      weeks.forEach((w, i) => {
        const weak = w.incomplete || isLow(w, threshold);
        svg.append(s('circle', {
          cx: x(i), cy: y(w[series]), r: step >= 14 ? 3.4 : 2.4,
          class: `pt${weak ? ' weak' : ''}`, stroke: STYLE[series].color, fill: weak ? '#fff' : STYLE[series].color,
          'data-week': w.week,
        }));
      });
    }

    const cursor = s('line', { class: 'cursor', y1: M.top, y2: M.top + ih, x1: -10, x2: -10 });
    const marks = SERIES.map((k) => s('circle', { class: 'mark', r: 5, cx: -10, cy: -10, fill: STYLE[k].color }));
    svg.append(cursor, ...marks);
    geo.cursor = cursor;
    geo.marks = marks;
    geo.y = y;
    replace(plot, svg);
    if (active >= 0) show(active, false);
  }

  function show(i, speak) {
    if (!weeks.length) return;
    active = Math.max(0, Math.min(weeks.length - 1, i));
    const w = weeks[active];
    const cx = geo.x(active);
    geo.cursor.setAttribute('x1', cx);
    geo.cursor.setAttribute('x2', cx);
    SERIES.forEach((k, j) => {
      geo.marks[j].setAttribute('cx', cx);
      geo.marks[j].setAttribute('cy', geo.y(w[k]));
    });
    plot.setAttribute('aria-label', `${t('chart.keys')} ${t('chart.week')}: ${fmt.week(w.week)}`);
    fillCard(w);
    card.hidden = false;
    const cw = card.offsetWidth;
    const left = cx + 14 + cw > geo.width ? Math.max(4, cx - 14 - cw) : cx + 14;
    card.style.left = `${left}px`;
    card.style.top = `${M.top + 4}px`;
    if (speak) announce(summaryOf(w));
  }

  function summaryOf(w) {
    const counts = SERIES.map((k) => `${t(`series.${k}`)} ${fmt.int(w[k])}`).join(', ');
    return `${fmt.week(w.week)}: ${counts}; ${t('chart.coverage')} ${fmt.pct(w.coverage)}${w.incomplete ? `; ${t('status.incomplete')}` : ''}`;
  }

  function fillCard(w) {
    const flags = [];
    if (w.incomplete) flags.push(h('span', { class: 'chip lag' }, t('status.incomplete')));
    if (isLow(w, threshold)) flags.push(h('span', { class: 'chip low' }, t('status.low')));
    replace(card,
      h('p', { class: 'wk' }, fmt.week(w.week)),
      h('dl', null, SERIES.map((k) => h('div', { class: k === series ? 'chosen' : '' },
        h('dt', null, h('span', { class: `swatch sw-${k}`, 'aria-hidden': 'true' }), t(`series.${k}`)),
        h('dd', { 'data-series': k }, fmt.int(w[k]))))),
      h('p', { class: 'cov' }, `${t('chart.coverage')}: ${fmt.pct(w.coverage)}`,
        w.expectedCourts ? ` (${t('chart.courtsOf', { n: w.coveredCourts, m: w.expectedCourts })})` : ''),
      flags.length ? h('p', { class: 'flags' }, flags) : null,
      h('a', { href: data.casesHref(w.week), class: 'cases-link', download: '' }, t('chart.cases')),
    );
  }

  function hide() {
    if (pinned) return;
    active = -1;
    card.hidden = true;
    geo?.cursor.setAttribute('x1', -10);
    geo?.cursor.setAttribute('x2', -10);
    geo?.marks.forEach((m) => m.setAttribute('cx', -10));
  }

  const indexAt = (clientX) => Math.floor((clientX - plot.getBoundingClientRect().left - M.left) / geo.step);
  plot.addEventListener('pointermove', (e) => {
    const i = indexAt(e.clientX);
    if (i >= 0 && i < weeks.length && i !== active) show(i, false);
  });
  plot.addEventListener('click', (e) => {
    const i = indexAt(e.clientX);
    if (i >= 0 && i < weeks.length) {
      pinned = true;
      show(i, true);
    }
  });
  root.addEventListener('pointerleave', () => hide());
  plot.addEventListener('keydown', (e) => {
    const moves = { ArrowRight: 1, ArrowLeft: -1, PageDown: 4, PageUp: -4 };
    if (e.key in moves) show(active < 0 ? (moves[e.key] > 0 ? 0 : weeks.length - 1) : active + moves[e.key], true);
    else if (e.key === 'Home') show(0, true);
    else if (e.key === 'End') show(weeks.length - 1, true);
    else if (e.key === 'Escape') {
      pinned = false;
      hide();
      return;
    } else return;
    pinned = true;
    e.preventDefault();
  });
  plot.addEventListener('focus', () => {
    if (active < 0 && weeks.length) {
      pinned = true;
      show(weeks.length - 1, true);
    }
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget)) {
      pinned = false;
      hide();
    }
  });

  draw();
  return { redraw: draw, select: (week) => { pinned = true; show(weeks.findIndex((w) => w.week === week), false); } };
}

/** The legend under the chart: series (the chosen one first), then how weak weeks and the claim are drawn. */
export function drawLegend(root, { series, threshold, bandLabel }) {
  const line = (k) => s('svg', { width: 28, height: 12, 'aria-hidden': 'true', class: 'key' },
    s('line', { x1: 1, x2: 27, y1: 6, y2: 6, stroke: STYLE[k].color, 'stroke-width': k === series ? 3 : 2, 'stroke-dasharray': STYLE[k].dash || undefined }));
  const box = (cls) => s('svg', { width: 18, height: 12, 'aria-hidden': 'true', class: 'key' },
    cls === 'lag'
      ? [s('defs', null, s('pattern', { id: 'hatch-key', width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
          s('rect', { width: 5, height: 5, fill: '#f4f1ea' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 5, stroke: '#a39c8c', 'stroke-width': 1.8 }))),
        s('rect', { width: 18, height: 12, fill: 'url(#hatch-key)', stroke: '#a39c8c' })]
      : cls === 'low'
        ? s('rect', { width: 18, height: 12, fill: '#e6e8ee', stroke: '#b8bccb' })
        : s('rect', { width: 18, height: 12, class: 'claim-band' }));
  const items = [series, ...SERIES.filter((k) => k !== series)].map((k) =>
    h('li', { class: k === series ? 'chosen' : '' }, line(k), t(`series.${k}`)));
  items.push(h('li', null, box('lag'), t('legend.incomplete')));
  items.push(h('li', null, box('low'), t('legend.low', { pct: fmt.pct(threshold) })));
  if (bandLabel) items.push(h('li', null, box('claim'), bandLabel));
  replace(root, h('ul', { 'aria-label': t('legend.label') }, items));
}
