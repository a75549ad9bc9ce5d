// The claim beside the chart: what was said, by whom, and what the stored counts say about it.

import { h, replace } from './dom.js';
import { addDays, fmt, t } from './i18n.js';

const FILTER_KEYS = ['series', 'article', 'part', 'court', 'level', 'region'];

/** Does the chart show the selection the claim speaks of (so its band can be drawn on it)? */
export function claimMatches(claim, state) {
  const p = claim.params;
  return FILTER_KEYS.every((k) => (p[k] ?? (k === 'part' ? 'all' : '')) === (state[k] ?? ''));
}

function expectedText(check, params) {
  const e = check?.expected ?? { unit: params.expectedUnit, value: params.expected, tolerance: params.tolerance, perWeek: null };
  const tol = fmt.pct(e.tolerance);
  const base = {
    'per-week': t('claim.perWeek', { v: fmt.int(e.value) }),
    'per-month': t('claim.perMonth', { v: fmt.int(e.value) }),
    'period-total': t('claim.total', { v: fmt.int(e.value) }),
    ratio: t('claim.ratio', { v: fmt.dec(e.value) }),
    share: t('claim.share', { v: fmt.pct(e.value) }),
  }[e.unit] ?? String(e.value);
  return `${base} ± ${tol}`;
}

const range = (iv) => (iv ? `${fmt.dec(iv[0])} – ${fmt.dec(iv[1])}` : '—');

function slopeText(c) {
  if (c.senSlopePerWeek === null) return '—';
  const v = c.senSlopePerWeek;
  return t('claim.slope', { v: `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt.dec(Math.abs(v))}` });
}

function mannKendallText(c) {
  if (c.mannKendallP === null) return '—';
  const p = c.mannKendallP < 0.001 ? '< 0.001' : `= ${c.mannKendallP.toFixed(3)}`;
  const dir = c.mannKendallP >= 0.05 ? t('claim.trendNone') : c.mannKendallZ > 0 ? t('claim.trendUp') : t('claim.trendDown');
  return `${dir} (p ${p})`;
}

/**
 * Renders the claim card into `root`. `onPick(ref)` switches claims; `onMatch(claim)` sets the filters
 * and period to the claim's own.
 */
export function renderClaim(root, { claim, claims, state, bandShown, onPick, onMatch }) {
  const picker = h('select', { id: 'claim-select', onchange: (e) => onPick(e.target.value) },
    h('option', { value: 'none' }, t('claim.none')),
    claims.map((c) => h('option', { value: c.slug ?? c.id, selected: claim && c.id === claim.id }, c.statement.length > 90 ? `${c.statement.slice(0, 88)}…` : c.statement)),
  );
  if (!claim) picker.value = 'none';
  const head = [
    h('h2', { id: 'claim-title' }, t('claim.heading')),
    h('div', { class: 'field' }, h('label', { for: 'claim-select' }, t('claim.pick')), picker),
  ];
  if (!claim) {
    replace(root, head, h('p', { class: 'hint' }, t('claim.noneShown')));
    return;
  }
  const c = claim.check;
  const verdict = c?.verdict ?? 'unchecked';
  const source = h('p', { class: 'source' }, '— ',
    h('a', { href: claim.sourceUrl, rel: 'noopener noreferrer', target: '_blank' }, claim.sourceName ?? claim.sourceUrl),
    claim.publishedOn ? `, ${fmt.day(claim.publishedOn)}` : '');
  const rows = [
    [t('claim.expected'), expectedText(c, claim.params)],
    // The ISO weeks standing for the period (those whose Thursday falls in it), Monday to Sunday.
    [t('claim.period'), c ? `${fmt.day(c.weeks.from)} – ${fmt.day(addDays(c.weeks.to, 6))}` : `${fmt.day(claim.params.periodFrom)} – ${fmt.day(claim.params.periodTo)}`],
  ];
  if (c?.meanPerWeek !== null && c?.meanPerWeek !== undefined) {
    rows.push(
      [t('claim.band'), c.band ? `${range(c.band)} ${t('claim.aWeek')}` : '—'],
      [t('claim.mean'), `${fmt.dec(c.meanPerWeek)} ${t('claim.aWeek')}`],
      [t('claim.interval'), range(c.interval90)],
      [t('claim.garwood'), range(c.garwood90)],
      [t('claim.trend'), slopeText(c)],
      [t('claim.mannKendall'), mannKendallText(c)],
      [t('claim.weeks'), c.weeksLeftOut ? t('claim.weeksLeftOut', { n: c.weeksUsed, m: c.weeksLeftOut }) : fmt.int(c.weeksUsed)],
      [t('claim.coverage'), fmt.pct(c.meanCoverage)],
    );
  }
  if (c?.observedRatio !== null && c?.observedRatio !== undefined) rows.push([t('claim.observedRatio'), fmt.dec(c.observedRatio)]);
  const matches = claimMatches(claim, state);
  const note = !matches
    ? h('p', { class: 'hint' }, t('claim.otherSelection'), ' ', h('button', { type: 'button', class: 'link', onclick: () => onMatch(claim) }, t('claim.match')))
    : !bandShown && c?.band
      ? h('p', { class: 'hint' }, t('claim.outside'), ' ', h('button', { type: 'button', class: 'link', onclick: () => onMatch(claim) }, t('claim.showPeriod')))
      : null;
  replace(root, head,
    h('blockquote', { lang: /[а-яё]/i.test(claim.statement) ? 'ru' : 'en' }, claim.statement),
    source,
    h('p', { class: `verdict v-${verdict}`, id: 'claim-verdict' }, h('strong', null, t(`verdict.${verdict}`)), ' ', h('span', null, t(`verdict.${verdict}.why`))),
    c?.reason ? h('p', { class: 'hint' }, c.reason) : null,
    h('dl', { class: 'numbers' }, rows.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))),
    note,
    c ? h('p', { class: 'hint small' }, t('claim.checkedAt', { at: fmt.stamp(c.checkedAt) })) : null,
  );
}
