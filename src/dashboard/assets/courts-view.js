// The courts view: every court with its counts for the period and its crawl health, sortable.

import { getJson, isAbort, latest } from './api.js';
import { $, announce, h, replace } from './dom.js';
import { addDays, collator, fmt, t } from './i18n.js';
import { articleText } from './labels.js';
import { apiFilter, queryOf } from './state.js';

const one = latest();
let cache = null;
const TROUBLE = { captcha: 0, blocked: 1, antibot: 1, down: 2, error: 2, unknown: 2, empty: 4, ok: 5 };

function health(c) {
  if (c.captchaWaiting) return { rank: 0, key: 'captcha', cls: 'warn' };
  if (!c.lastOutcome) return { rank: c.expected ? 3 : 6, key: 'never', cls: 'muted' };
  const rank = TROUBLE[c.lastOutcome] ?? 3;
  return { rank, key: c.lastOutcome, cls: rank <= 2 ? 'bad' : 'good' };
}

const COLUMNS = [
  { key: 'court', label: 'courts.court', value: (c) => c.name, text: true },
  { key: 'level', label: 'courts.level', value: (c) => t(`level.${c.level}`), text: true },
  { key: 'region', label: 'courts.region', value: (c) => c.region, text: true },
  { key: 'received', label: 'series.received', value: (c) => c.received, num: true },
  { key: 'decided', label: 'series.decided', value: (c) => c.decided, num: true },
  { key: 'convicted', label: 'series.convicted', value: (c) => c.convicted, num: true },
  { key: 'coverage', label: 'courts.coverage', value: (c) => c.coverage, num: true },
  { key: 'crawl', label: 'courts.lastGood', value: (c) => c.lastGoodCrawlAt ?? '', text: true },
  { key: 'health', label: 'courts.health', value: (c) => health(c).rank, rank: true },
];

function sortState(state) {
  const [key, dir] = (state.sort || `${state.series}-desc`).split('-');
  return COLUMNS.some((c) => c.key === key) ? { key, dir } : { key: state.series, dir: 'desc' };
}

function compare(col, dir) {
  const sign = dir === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? collator.compare(a.name, b.name) : 1;
    if (y === null || y === undefined || y === '') return -1;
    const d = col.text ? collator.compare(String(x), String(y)) : x - y; // health: most trouble first when ascending
    return d ? sign * d : collator.compare(a.name, b.name);
  };
}

export async function renderCourts(state, go) {
  const section = $('#view-courts');
  section.setAttribute('aria-busy', 'true');
  section.classList.add('loading');
  $('#dl-courts').href = `/api/weekly-counts.csv?${apiFilter(state, { court: false })}&groupBy=court`;
  const url = `/api/dashboard/courts?${apiFilter(state, { court: false })}`;
  let data;
  try {
    // Sorting reuses the last answer; a filter change asks again.
    data = cache?.url === url ? cache.data : await one((signal) => getJson(url, { signal }));
    cache = { url, data };
  } catch (err) {
    if (isAbort(err)) return;
    replace($('#courts-summary'), h('span', { class: 'error-text', role: 'alert' }, t('error.load', { msg: err.message })));
    return;
  } finally {
    section.removeAttribute('aria-busy');
    section.classList.remove('loading');
  }
  const { key, dir } = sortState(state);
  const col = COLUMNS.find((c) => c.key === key);
  const courts = [...data.courts].sort(compare(col, dir));
  const waiting = courts.filter((c) => c.captchaWaiting).length;
  const troubled = courts.filter((c) => c.expected && health(c).rank <= 2).length;
  replace($('#courts-summary'),
    h('strong', null, `${t(`series.${state.series}`)} · ${articleText(state)}`), h('br'),
    data.filter.from ? `${fmt.day(data.filter.from)} – ${fmt.day(addDays(data.filter.to, 6))}: ` : '',
    t('courts.summary', { n: courts.length, e: courts.filter((c) => c.expected).length }),
    troubled ? ` ${t('courts.troubled', { n: troubled })}` : '',
    waiting ? [' ', h('a', { href: queryOf({ ...state, view: 'captcha' }), 'data-view': 'captcha' }, t('courts.waiting', { n: waiting }))] : '',
  );

  const header = h('tr', null, COLUMNS.map((c) => {
    const sorted = c.key === key;
    const next = sorted && dir === 'desc' ? 'asc' : sorted ? 'desc' : c.num ? 'desc' : 'asc';
    return h('th', { scope: 'col', class: c.num ? 'num' : '', 'aria-sort': sorted ? (dir === 'asc' ? 'ascending' : 'descending') : undefined },
      h('button', {
        type: 'button', class: 'sort', 'data-sort': c.key,
        onclick: () => {
          go({ sort: `${c.key}-${next}` }, { keepFocus: `[data-sort="${c.key}"]` });
          announce(t('courts.sorted', { col: t(c.label), dir: t(`sort.${next}`) }));
        },
      }, t(c.label), h('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted ? (dir === 'asc' ? '▲' : '▼') : '↕')));
  }));
  const rows = courts.map((c) => {
    const hl = health(c);
    return h('tr', { 'data-court': c.code, class: c.expected ? '' : 'muted-row' },
      h('th', { scope: 'row' },
        h('a', { href: queryOf({ ...state, view: 'trend', court: c.code, sort: '' }), lang: 'ru', class: 'court-link' }, c.name),
        h('span', { class: 'code' }, c.code)),
      h('td', null, t(`level.${c.level}`)),
      h('td', null, c.region),
      ['received', 'decided', 'convicted'].map((k) => h('td', { class: `num${k === state.series ? ' chosen' : ''}`, 'data-series': k }, fmt.int(c[k]))),
      h('td', { class: `num${c.coverage !== null && c.coverage < data.coverageThreshold ? ' weak' : ''}` }, fmt.pct(c.coverage)),
      h('td', null, c.lastGoodCrawlAt ? h('time', { datetime: c.lastGoodCrawlAt, title: fmt.stamp(c.lastGoodCrawlAt) }, fmt.ago(c.lastGoodCrawlAt)) : '—'),
      h('td', null, h('span', { class: `badge ${hl.cls}` }, t(`outcome.${hl.key}`)), c.healthNote ? h('span', { class: 'note' }, c.healthNote) : null),
    );
  });
  replace($('#courts-table'),
    h('caption', { id: 'courts-table-caption' }, t('courts.caption')),
    h('thead', null, header), h('tbody', null, rows));
}
