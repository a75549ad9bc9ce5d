// The page state lives in the query string: a view is shared by copying its address, and back/forward
// walk through filter changes. Only values that differ from the defaults are written.

export const VIEWS = ['trend', 'courts', 'captcha', 'alerts'];

const DEFAULTS = {
  view: 'trend', series: 'convicted', article: '337', part: 'all', court: '', level: '', region: '',
  from: '', to: '', claim: '', sort: '', lang: '',
};

const VALID = {
  view: (v) => VIEWS.includes(v),
  series: (v) => ['received', 'decided', 'convicted'].includes(v),
  article: (v) => /^\d{3}(\.\d{1,2})?$/.test(v),
  part: (v) => /^(all|none|\d{1,2}(\.\d{1,2})?)$/.test(v),
  court: (v) => /^[0-9A-Z]{8}$/i.test(v),
  level: (v) => ['garrison', 'okrug', 'appeal', 'cassation'].includes(v),
  region: (v) => /^\d{2}$/.test(v),
  from: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  to: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  claim: (v) => /^[a-z0-9][a-z0-9-]{0,119}$/.test(v),
  sort: (v) => /^[a-z]+-(asc|desc)$/.test(v),
  lang: (v) => ['en', 'ru'].includes(v),
};

/** The state a query string describes; anything malformed falls back to its default. */
export function readState(search = location.search) {
  const q = new URLSearchParams(search);
  const state = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    const v = q.get(key)?.trim();
    if (v && VALID[key](v)) state[key] = key === 'court' ? v.toUpperCase() : v;
  }
  if (state.from && state.to && state.from > state.to) state.to = '';
  return state;
}

export function queryOf(state) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (k in DEFAULTS && v && v !== DEFAULTS[k]) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '?';
}

export const withChanges = (state, changes) => ({ ...state, ...changes });

export const defaultsFor = (state) => ({ ...DEFAULTS, view: state.view, lang: state.lang });

/** The filter as the API reads it (same names and values as /api/weekly-counts). */
export function apiFilter(state, { court = true } = {}) {
  const q = new URLSearchParams({ series: state.series, article: state.article, part: state.part });
  for (const k of ['level', 'region', 'from', 'to']) if (state[k]) q.set(k, state[k]);
  if (court && state.court) q.set('court', state.court);
  return q;
}

/** /api/cases.csv for the cases behind a series: by date received, or decided (with a verdict, for convicted). */
export function casesFilter(state, from = state.from, to = state.to) {
  const q = new URLSearchParams({ article: state.article, part: state.part, dateField: state.series === 'received' ? 'received' : 'decided' });
  if (state.series === 'convicted') q.set('outcome', 'conviction');
  for (const k of ['court', 'level', 'region']) if (state[k]) q.set(k, state[k]);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return q;
}
