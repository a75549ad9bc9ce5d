// Alerts and claims: recent spike and data alerts, the published figures with their verdicts, and a
// form to subscribe to spike alerts for the current filters (double opt-in: the API sends a confirmation).

import { getJson, isAbort, latest, postJson } from './api.js';
import { $, h, replace } from './dom.js';
import { addDays, fmt, t } from './i18n.js';
import { courtsByCode, selectionText } from './labels.js';
import { queryOf } from './state.js';

const one = latest();
let current = null;

/** The subscription's filters: the alert API takes garrison or okrug as level, nothing else. */
function subscriptionFilters(state) {
  const f = { series: state.series, article: state.article, part: state.part === 'none' ? 'all' : state.part };
  if (state.court) f.court = state.court;
  else if (state.level === 'garrison' || state.level === 'okrug') f.level = state.level;
  return f;
}

export function bindSubscribe() {
  const form = $('#subscribe');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const email = $('#s-email');
    const status = $('#subscribe-status');
    const valid = email.checkValidity() && email.value.trim() !== '';
    $('#s-email-error').hidden = valid;
    email.toggleAttribute('aria-invalid', !valid);
    if (!valid) return email.focus();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    status.className = 'status';
    status.textContent = t('subscribe.sending');
    try {
      await postJson('/api/alert-subscriptions', {
        email: email.value.trim(), filters: subscriptionFilters(current), method: $('#s-method').value, frequency: $('#s-frequency').value,
      });
      status.className = 'status ok-text';
      status.textContent = t('subscribe.sent', { email: email.value.trim() });
      email.value = '';
    } catch (err) {
      status.className = 'status error-text';
      status.textContent = t('subscribe.failed', { msg: err.message });
    } finally {
      button.disabled = false;
    }
  });
}

function alertItem(a) {
  const where = a.court ? (a.courtName ?? courtsByCode.get(a.court)?.name ?? a.court) : a.level ? t(`levels.${a.level}`) : t('sel.allCourts');
  const what = a.kind === 'spike'
    ? t('alerts.spike', { n: fmt.int(a.observed), thr: fmt.dec(a.threshold), m: a.method ?? '', series: a.series ? t(`series.${a.series}`) : '' })
    : t(`reason.${a.reason}`);
  return h('li', { class: `alert ${a.kind}` },
    h('span', { class: `badge ${a.kind === 'spike' ? 'warn' : 'muted'}` }, t(`alerts.kind.${a.kind}`)),
    h('div', null,
      h('p', { class: 'what' }, what, a.week ? ` · ${t('alerts.week', { w: fmt.week(a.week) })}` : ''),
      h('p', { class: 'meta' }, h('span', { lang: a.court ? 'ru' : undefined }, where),
        a.article ? ` · ${t('sel.articleAll', { a: a.article })}${a.part && a.part !== 'all' ? ` ${t('sel.partOnly', { p: a.part })}` : ''}` : '',
        a.coverage !== null && a.coverage !== undefined ? ` · ${t('chart.coverage')} ${fmt.pct(a.coverage)}` : '',
        ' · ', h('time', { datetime: a.detectedAt, title: fmt.stamp(a.detectedAt) }, fmt.ago(a.detectedAt))),
      a.detail ? h('p', { class: 'note' }, a.detail) : null,
      a.reason === 'captcha-waiting' ? h('p', null, h('a', { href: queryOf({ ...current, view: 'captcha' }) }, t('alerts.answer'))) : null,
      a.week && a.series ? h('p', null, h('a', { href: queryOf({
        lang: current.lang, view: 'trend', series: a.series, article: a.article ?? '337', part: a.part ?? 'all', court: a.court ?? '',
        level: a.level ?? '', from: addDays(a.week, -7 * 12), to: addDays(a.week, 6),
      }) }, t('claims.show'))) : null,
    ));
}

function claimRow(c, state) {
  const p = c.params;
  const verdict = c.lastCheck?.verdict ?? 'unchecked';
  const href = queryOf({
    lang: state.lang, view: 'trend', claim: c.slug ?? c.id, series: p.series, article: p.article, part: p.part ?? 'all',
    court: p.court ?? '', level: p.level ?? '', region: p.region ?? '',
    from: addDays(p.periodFrom, -7 * 12), to: addDays(p.periodTo, 7 * 12),
  });
  return h('tr', null,
    h('td', null, h('span', { class: 'statement' }, c.statement), h('br'),
      h('a', { href: c.sourceUrl, rel: 'noopener noreferrer', target: '_blank', class: 'source' }, c.sourceName ?? c.sourceUrl)),
    h('td', null, `${fmt.day(p.periodFrom)} – ${fmt.day(p.periodTo)}`),
    h('td', null, h('span', { class: `verdict-badge v-${verdict}` }, t(`verdict.${verdict}`))),
    h('td', null, c.params.expectedUnit === 'share' ? '—' : h('a', { href }, t('claims.show'))),
  );
}

export async function renderAlerts(state) {
  current = state;
  const f = subscriptionFilters(state);
  replace($('#subscribe-filters'), h('strong', null, t('subscribe.for')), ' ', selectionText({ ...state, ...f, level: f.level ?? '', part: f.part }),
    state.level && !f.level && !f.court ? h('span', { class: 'hint' }, ` (${t('subscribe.levelDropped')})`) : '');
  const section = $('#view-alerts');
  section.setAttribute('aria-busy', 'true');
  let alerts;
  let claims;
  try {
    [alerts, claims] = await one((signal) => Promise.all([getJson('/api/alerts?limit=20', { signal }), getJson('/api/claims', { signal })]));
  } catch (err) {
    if (isAbort(err)) return;
    replace($('#alerts-list'), h('p', { class: 'error-text', role: 'alert' }, t('error.load', { msg: err.message })));
    return;
  } finally {
    section.removeAttribute('aria-busy');
  }
  replace($('#alerts-list'), alerts.alerts.length ? h('ul', { class: 'alerts' }, alerts.alerts.map(alertItem)) : h('p', { class: 'empty' }, t('alerts.none')));
  replace($('#claims-list'), h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': 'claims-caption', tabindex: '0' },
    h('table', { class: 'data claims' },
      h('caption', { id: 'claims-caption', class: 'sr-only' }, t('claims.heading')),
      h('thead', null, h('tr', null, ['claims.statement', 'claims.period', 'claims.verdict', 'claims.chart'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, claims.map((c) => claimRow(c, state))))));
}
