// Labels come with the page (its language chosen by ?lang= or Accept-Language); numbers and dates by Intl.

const boot = JSON.parse(document.getElementById('bootstrap').textContent);
export const lang = boot.lang;
export const bootstrap = boot;
const strings = boot.strings;
const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
const plurals = new Intl.PluralRules(locale);

/** Is there a label for this key? */
export const has = (key) => key in strings;

/** t('key', { n: 3 }) fills {n}; a key with .one/.few/.many/.other forms is chosen by vars.n. */
export function t(key, vars = {}) {
  let text = strings[key];
  if (text === undefined && 'n' in vars) text = strings[`${key}.${plurals.select(vars.n)}`] ?? strings[`${key}.other`];
  if (text === undefined) {
    console.warn(`missing ${lang} label ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

const intFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const pctFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const dayFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
const monthYearFmt = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const stampFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

const utc = (iso) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
export const addDays = (iso, n) => new Date(utc(iso).getTime() + n * 86_400_000).toISOString().slice(0, 10);

export const fmt = {
  int: (n) => (n === null || n === undefined ? '—' : intFmt.format(n)),
  dec: (n) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : decFmt.format(n)),
  pct: (x) => (x === null || x === undefined ? '—' : pctFmt.format(x)),
  day: (iso) => (iso ? dayFmt.format(utc(iso)) : '—'),
  short: (iso) => shortFmt.format(utc(iso)),
  month: (iso) => monthFmt.format(utc(iso)),
  monthYear: (iso) => monthYearFmt.format(utc(iso)),
  stamp: (iso) => (iso ? stampFmt.format(new Date(iso)) : '—'),
  /** "5–11 Jun 2023": an ISO week from its Monday. */
  week: (monday) => `${shortFmt.format(utc(monday))} – ${dayFmt.format(utc(addDays(monday, 6)))}`,
  /** "3 days ago", from an instant. */
  ago(iso) {
    if (!iso) return '—';
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const secs = (new Date(iso).getTime() - Date.now()) / 1000;
    const units = [[31_536_000, 'year'], [2_592_000, 'month'], [86_400, 'day'], [3_600, 'hour'], [60, 'minute']];
    for (const [size, unit] of units) if (Math.abs(secs) >= size) return rtf.format(Math.round(secs / size), unit);
    return rtf.format(Math.round(secs), 'second');
  },
};

/** Sorting court names the way the language sorts. */
export const collator = new Intl.Collator(locale);
