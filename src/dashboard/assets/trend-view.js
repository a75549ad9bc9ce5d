// The trend view: the chart with its claim band, the claim card, the weekly table and the downloads.

import { getJson, isAbort, latest } from './api.js';
import { claimMatches, renderClaim } from './claim-panel.js';
import { $, h, replace } from './dom.js';
import { addDays, bootstrap, fmt, t } from './i18n.js';
import { articleText, selectionText, whereText } from './labels.js';
import { apiFilter, casesFilter } from './state.js';
import { SERIES, drawChart, drawLegend, isLow } from './trend-chart.js';

const one = latest();
let chart = null;
let resize = null;

const casesHref = (state, from, to) => `/api/cases.csv?${casesFilter(state, from, to)}`;

export async function renderTrend(state, go) {
  const section = $('#view-trend');
  const q = apiFilter(state);
  if (state.claim) q.set('claim', state.claim);
  $('#dl-weekly').href = `/api/weekly-counts.csv?${apiFilter(state)}`;
  $('#dl-cases').href = casesHref(state);
  section.setAttribute('aria-busy', 'true');
  section.classList.add('loading');
  let data;
  try {
    data = await one((signal) => getJson(`/api/dashboard/trend?${q}`, { signal }));
  } catch (err) {
    if (isAbort(err)) return;
    section.removeAttribute('aria-busy');
    replace($('#trend-summary'), h('span', { class: 'error-text', role: 'alert' }, t('error.load', { msg: err.message })));
    return;
  } finally {
    section.classList.remove('loading');
  }
  section.removeAttribute('aria-busy');
  const { weeks, filter, coverageThreshold: threshold, claim } = data;
  const shown = { ...state, from: filter.from ?? '', to: filter.to ? addDays(filter.to, 6) : '' };
  $('#dl-cases').href = casesHref(state, shown.from, shown.to);

  // Heading line: what is shown and how complete it is.
  const total = weeks.reduce((n, w) => n + w[state.series], 0);
  const lagged = weeks.filter((w) => w.incomplete).length;
  const low = weeks.filter((w) => isLow(w, threshold)).length;
  replace($('#trend-summary'),
    h('strong', null, selectionText(state)), h('br'),
    weeks.length ? `${fmt.day(filter.from)} – ${fmt.day(shown.to)}: ` : '',
    t('trend.total', { n: fmt.int(total), w: weeks.length }),
    lagged ? ` ${t('trend.lagged', { n: lagged })}` : '',
    low ? ` ${t('trend.low', { n: low })}` : '',
  );

  // The claim and its band (drawn only when the chart shows the claim's own selection).
  const c = claim?.check;
  const band = claim && c?.band && claimMatches(claim, state) ? { from: c.weeks.from, to: c.weeks.to, lower: c.band[0], upper: c.band[1] } : null;
  const bandShown = !!band && weeks.length > 0 && band.to >= weeks[0].week && band.from <= weeks.at(-1).week;
  renderClaim($('#claim'), {
    claim, claims: data.claims, state, bandShown,
    onPick: (ref) => go({ claim: ref === bootstrap.defaultClaim ? '' : ref }),
    onMatch: (cl) => go({
      series: cl.params.series, article: cl.params.article, part: cl.params.part ?? 'all', court: cl.params.court ?? '',
      level: cl.params.level ?? '', region: cl.params.region ?? '',
      from: addDays(cl.check?.weeks.from ?? cl.params.periodFrom, -7 * 12), to: addDays(cl.check?.weeks.to ?? cl.params.periodTo, 7 * 12 + 6),
    }),
  });

  $('#chart-caption').textContent = t('chart.caption', { sel: selectionText(state), from: fmt.day(filter.from), to: fmt.day(shown.to) });
  if (!weeks.length) {
    replace($('#chart'), h('p', { class: 'empty' }, t('trend.empty')));
  } else {
    chart = drawChart($('#chart'), { weeks, series: state.series, threshold, band: bandShown ? band : null, casesHref: (wk) => casesHref(state, wk, addDays(wk, 6)) });
    resize?.disconnect();
    let lastWidth = $('#chart').clientWidth;
    resize = new ResizeObserver(() => {
      const width = $('#chart').clientWidth;
      if (Math.abs(width - lastWidth) > 2) {
        lastWidth = width;
        requestAnimationFrame(() => chart.redraw());
      }
    });
    resize.observe($('#chart'));
  }
  drawLegend($('#legend'), {
    series: state.series, threshold,
    bandLabel: bandShown ? t('legend.claim', { lo: fmt.int(band.lower), hi: fmt.int(band.upper) }) : null,
  });
  renderTable(weeks, state, threshold, shown);
}

function renderTable(weeks, state, threshold, shown) {
  const head = h('tr', null,
    h('th', { scope: 'col' }, t('table.week')),
    SERIES.map((k) => h('th', { scope: 'col', class: `num${k === state.series ? ' chosen' : ''}` }, t(`series.${k}`))),
    h('th', { scope: 'col', class: 'num' }, t('table.coverage')),
    h('th', { scope: 'col' }, t('table.status')),
    h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('table.casesLong')), h('span', { 'aria-hidden': 'true' }, t('table.cases'))),
  );
  const body = weeks.map((w) => {
    const status = [w.incomplete ? t('status.incomplete') : null, isLow(w, threshold) ? t('status.low') : null].filter(Boolean);
    return h('tr', { 'data-week': w.week, class: w.incomplete ? 'lag' : isLow(w, threshold) ? 'low' : '' },
      h('th', { scope: 'row' }, h('time', { datetime: w.week }, fmt.week(w.week))),
      SERIES.map((k) => h('td', { class: `num${k === state.series ? ' chosen' : ''}`, 'data-series': k }, fmt.int(w[k]))),
      h('td', { class: 'num' }, fmt.pct(w.coverage)),
      h('td', null, status.join(', ')),
      h('td', null, h('a', { href: casesHref(state, w.week, addDays(w.week, 6)), download: '', 'aria-label': t('table.casesOf', { w: fmt.week(w.week) }) }, 'CSV')),
    );
  });
  const totals = h('tr', null,
    h('th', { scope: 'row' }, t('table.total')),
    SERIES.map((k) => h('td', { class: `num${k === state.series ? ' chosen' : ''}` }, fmt.int(weeks.reduce((n, w) => n + w[k], 0)))),
    h('td', { colspan: 3 }),
  );
  replace($('#trend-table'),
    h('caption', { id: 'trend-table-caption' }, t('table.caption', { art: articleText(state), where: whereText(state) }),
      shown.from ? ` · ${fmt.day(shown.from)} – ${fmt.day(shown.to)}` : ''),
    h('thead', null, head), h('tbody', null, body), h('tfoot', null, totals));
}
