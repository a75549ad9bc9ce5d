// The dashboard's entry: reads the state from the address, keeps the filter bar in step with it, and
// hands each view its state. Every change is a new history entry, so back and forward work.

import { bindSubscribe, renderAlerts } from './alerts-view.js';
import { bindCaptcha, renderCaptcha } from './captcha-view.js';
import { renderCourts } from './courts-view.js';
import { $, announce, h, replace } from './dom.js';
import { bootstrap, collator, has, t } from './i18n.js';
import { defaultsFor, queryOf, readState, VIEWS } from './state.js';
import { renderTrend } from './trend-view.js';

/** Parts of the tracked articles (Criminal Code as amended in 2022); a part in the address is kept even if not listed. */
const PARTS = { 337: ['1', '2', '2.1', '3', '3.1', '4', '5'], 338: ['1', '2'], 332: ['1', '2', '2.1', '3'], 339: ['1', '2', '3'], 328: ['1', '2'] };
const FILTER_VIEWS = ['trend', 'courts', 'alerts'];
const RENDER = { trend: renderTrend, courts: renderCourts, captcha: renderCaptcha, alerts: renderAlerts };

let state = readState();

function options(select, list, value) {
  replace(select, list);
  select.value = value;
}

function fillFilters() {
  const articles = [...new Set([...bootstrap.articles, state.article])];
  options($('#f-article'), articles.map((a) => h('option', { value: a }, has(`article.${a}`) ? t(`article.${a}`) : t('sel.articleShort', { a }))), state.article);
  const parts = [...new Set([...(PARTS[state.article] ?? []), ...(['all', 'none'].includes(state.part) ? [] : [state.part])])];
  options($('#f-part'), [
    h('option', { value: 'all' }, t('filters.allParts')),
    parts.map((p) => h('option', { value: p }, t('sel.partOnly', { p }))),
    h('option', { value: 'none' }, t('filters.noPart')),
  ], state.part);
  const courts = bootstrap.courts.filter((c) => !state.level || c.level === state.level || c.code === state.court);
  const groups = ['okrug', 'garrison', 'appeal', 'cassation'].map((level) => {
    const list = courts.filter((c) => c.level === level).sort((a, b) => collator.compare(a.name, b.name));
    return list.length ? h('optgroup', { label: t(`levels.${level}`) }, list.map((c) => h('option', { value: c.code, lang: 'ru' }, `${c.name} · ${c.code}`))) : null;
  });
  options($('#f-court'), [h('option', { value: '' }, t('filters.allCourts')), groups], state.court);
  $('#f-series').value = state.series;
  $('#f-level').value = state.level;
  $('#f-from').value = state.from;
  $('#f-to').value = state.to;
}

/** A new history entry, unless the address would not change (a control may report one change twice). */
function navigate(query) {
  const same = new URLSearchParams(query).toString() === new URLSearchParams(location.search).toString();
  if (same) history.replaceState(null, '', query);
  else history.pushState(null, '', query);
}

/** Moves to a new state (merged into the current one) as a new history entry, then renders. */
function go(changes, opts = {}) {
  const next = { ...state, ...changes };
  if (changes.article && !(PARTS[changes.article] ?? []).includes(next.part)) next.part = 'all';
  if (changes.level && next.court && bootstrap.courts.find((c) => c.code === next.court)?.level !== changes.level) next.court = '';
  if ('from' in changes || 'to' in changes) if (next.from && next.to && next.from > next.to) next.to = '';
  state = next;
  navigate(queryOf(state));
  render({ announce: true, ...opts });
}

async function render(opts = {}) {
  const { view } = state;
  for (const v of VIEWS) {
    $(`#view-${v}`).hidden = v !== view;
    const tab = $(`.tabs a[data-view="${v}"]`);
    tab.href = queryOf({ ...state, view: v });
    if (v === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  $('#filters').hidden = !FILTER_VIEWS.includes(view);
  $('[data-only="trend"]').hidden = view === 'courts';
  $('#filters').classList.toggle('no-court', view === 'courts');
  for (const l of ['en', 'ru']) $(`#lang-${l}`).href = queryOf({ ...state, lang: l });
  document.title = `${t(`nav.${view}`)} · verdict-watch`;
  fillFilters();
  if (opts.focusView) $(`#view-${view} h1`).focus();
  await RENDER[view](state, go);
  if (opts.keepFocus) $(opts.keepFocus)?.focus();
  if (opts.announce && view === 'trend') announce($('#trend-summary').textContent);
  if (opts.announce && view === 'courts' && !opts.keepFocus) announce($('#courts-summary').textContent);
}

// The filter bar: every change applies at once.
$('#filters').addEventListener('change', (e) => {
  const { name, value } = e.target;
  if (name) go({ [name]: value });
});
$('#filters').addEventListener('submit', (e) => e.preventDefault());
$('#f-reset').addEventListener('click', () => go(defaultsFor(state)));

// Links within the page (tabs, court names, "show on chart") change the state without a reload.
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href^="?"]');
  if (!a || a.hasAttribute('download') || a.closest('nav.lang') || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
  e.preventDefault();
  const next = readState(a.getAttribute('href'));
  const viewChanged = next.view !== state.view;
  state = next;
  navigate(queryOf(state));
  render({ focusView: viewChanged || !!a.closest('.tabs') });
  if (!viewChanged) window.scrollTo({ top: 0 });
});

window.addEventListener('popstate', () => {
  state = readState();
  render();
});

for (const h1 of document.querySelectorAll('.view h1')) h1.setAttribute('tabindex', '-1');
bindCaptcha(() => renderCaptcha(state));
bindSubscribe();
render();
