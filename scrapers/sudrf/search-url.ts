import { decodeCp1251Component, encodeCp1251Component } from './cp1251.js';
import type { Court, Instance, SearchForm } from './types.js';

export interface SearchQuery {
  instance: Instance;
  /** Article of the Criminal Code, e.g. `337` or `337.1`. The site matches it as a substring. */
  article?: string;
  /** Part, e.g. `5` or `2.1`. */
  part?: string;
  /** Point (a letter), e.g. `б`. */
  point?: string;
  /** Decision-date window, ISO dates, inclusive. */
  decidedFrom?: string;
  decidedTo?: string;
  /** Arrival-date window, ISO dates, inclusive. */
  receivedFrom?: string;
  receivedTo?: string;
  /** Result page, from 1. */
  page?: number;
}

export interface CardRef {
  instance: Instance;
  caseId: string;
  caseUid?: string | null;
}

/** Query values of a search request, decoded from cp1251, read back from its URL. */
export interface SearchRequest {
  form: SearchForm;
  instance: Instance | null;
  vnkod: string | null;
  article: string | null;
  part: string | null;
  point: string | null;
  decidedFrom: string | null;
  decidedTo: string | null;
  receivedFrom: string | null;
  receivedTo: string | null;
  page: number;
  /** Whether the «Найти» submit value is present (without it the site returns the form). */
  submitted: boolean;
}

const SUBMIT = 'Submit=%CD%E0%E9%F2%E8'; // «Найти»

/** The `delo_id` / `new` / table triple that selects a card index, per instance (primary form). */
const PRIMARY_TABLES: Record<Instance, { deloId: string; newId: string; table: string; prefix: string; docPrefix: string }> = {
  first: { deloId: '1540006', newId: '0', table: 'u1_case', prefix: 'U1', docPrefix: 'U1' },
  appeal: { deloId: '4', newId: '4', table: 'u2_case', prefix: 'U2', docPrefix: 'U2' },
  cassation: { deloId: '2450001', newId: '2450001', table: 'u33_case', prefix: 'U33', docPrefix: 'U3' },
};

const VNKOD_NEW: Partial<Record<Instance, string>> = { first: '0', appeal: '4' };

function siteRoot(baseUrl: string): URL {
  const root = new URL(baseUrl);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  root.search = '';
  root.hash = '';
  return root;
}

function toRuDate(iso: string | undefined): string {
  if (iso === undefined || iso === '') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

function fromRuDate(ru: string | undefined): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(ru?.trim() ?? '');
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** `337 ч.5 п.б`: the article text the site searches for. */
function articleText(q: SearchQuery): string {
  if (!q.article) {
    if (q.part || q.point) throw new RangeError('A part or point needs an article');
    return '';
  }
  let text = q.article.trim();
  if (q.part) text += ` ч.${q.part.trim()}`;
  if (q.point) text += ` п.${q.point.trim()}`;
  return text;
}

function pageNumber(page: number | undefined): number {
  const n = page ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Page must be a positive integer, got ${page}`);
  return n;
}

function join(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * The absolute URL of a criminal-case search on a court site. `baseUrl` is the site root
 * (`https://gvs--sam.sudrf.ru/`, or a simulator's `http://127.0.0.1:4010/63GV0001/`); the query
 * is resolved against it, so a path prefix is kept. Values are cp1251 percent-encoded and the
 * court's vnkod is always sent (an empty `vnkod=` makes some sites return the form).
 */
export function buildSearchUrl(baseUrl: string, court: Court, q: SearchQuery): string {
  const page = String(pageNumber(q.page));
  const e = encodeCp1251Component;
  const article = e(articleText(q));
  const [entry1, entry2, result1, result2] = [q.receivedFrom, q.receivedTo, q.decidedFrom, q.decidedTo].map((d) =>
    e(toRuDate(d)),
  ) as [string, string, string, string];

  let query: string;
  if (court.form === 'vnkod') {
    const newId = VNKOD_NEW[q.instance];
    if (newId === undefined) throw new RangeError(`No ${q.instance} search on the vnkod form (${court.code})`);
    query = join([
      ['name', 'sud_delo'],
      ['name_op', 'r'],
      ['_page', page],
      ['srv_num', '1'],
      ['_deloId', '1540006'],
      ['case__case_type', '0'],
      ['_new', newId],
      ['case__vnkod', e(court.code)],
      ['case__num_build', '1'],
      ['case__entry_date1d', entry1],
      ['case__entry_date2d', entry2],
      ['case__result_date1d', result1],
      ['case__result_date2d', result2],
      ['parts__law_articless', article],
    ]);
  } else {
    const t = PRIMARY_TABLES[q.instance];
    const lower = t.prefix.toLowerCase();
    query = join([
      ['name', 'sud_delo'],
      ['srv_num', '1'],
      ['name_op', 'r'],
      ['page', page],
      ['vnkod', e(court.code)],
      ['delo_id', t.deloId],
      ['case_type', '0'],
      ['new', t.newId],
      ['delo_table', t.table],
      [`${lower}_case__ENTRY_DATE1D`, entry1],
      [`${lower}_case__ENTRY_DATE2D`, entry2],
      [`${lower}_case__RESULT_DATE1D`, result1],
      [`${lower}_case__RESULT_DATE2D`, result2],
      [`${t.prefix}_DEFENDANT__LAW_ARTICLESS`, article],
    ]);
    query += '&' + SUBMIT;
  }
  return new URL(`modules.php?${query}`, siteRoot(baseUrl)).href;
}

/** The absolute URL of a case card, for re-fetching a case whose id is known. */
export function buildCardUrl(baseUrl: string, court: Court, ref: CardRef): string {
  const e = encodeURIComponent;
  let query: string;
  if (court.form === 'vnkod') {
    const newId = VNKOD_NEW[ref.instance];
    if (newId === undefined) throw new RangeError(`No ${ref.instance} card on the vnkod form (${court.code})`);
    query = join([
      ['name', 'sud_delo'],
      ['name_op', 'case'],
      ['case_id', e(ref.caseId)],
      ['_deloId', '1540006'],
      ['_caseType', '0'],
      ['_new', newId],
      ['srv_num', '1'],
    ]);
  } else {
    const t = PRIMARY_TABLES[ref.instance];
    const pairs: [string, string][] = [
      ['name', 'sud_delo'],
      ['srv_num', '1'],
      ['name_op', 'case'],
      ['case_id', e(ref.caseId)],
    ];
    if (ref.caseUid) pairs.push(['case_uid', e(ref.caseUid)]);
    if (t.newId !== '0') pairs.push(['new', t.newId]);
    pairs.push(['delo_id', t.deloId]);
    query = join(pairs);
  }
  return new URL(`modules.php?${query}`, siteRoot(baseUrl)).href;
}

/**
 * The query of a court-site URL as a plain object, values decoded from cp1251 (`+` is a space).
 * A repeated key keeps its last value, as PHP does.
 */
export function parseSearchQuery(url: string | URL): Record<string, string> {
  const search = (typeof url === 'string' ? new URL(url, 'http://x.invalid/') : url).search.replace(/^\?/, '');
  const out: Record<string, string> = {};
  if (!search) return out;
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeCp1251Component(eq < 0 ? pair : pair.slice(0, eq));
    out[key] = eq < 0 ? '' : decodeCp1251Component(pair.slice(eq + 1));
  }
  return out;
}

const INSTANCE_BY_DELO: Record<string, Instance> = { '1540006': 'first', '4': 'appeal', '2450001': 'cassation' };

function splitArticle(text: string): Pick<SearchRequest, 'article' | 'part' | 'point'> {
  const m = /^\s*(\S+?)(?:\s+ч\.\s*([\d.]+?))?(?:\s+п\.\s*(\S+))?\s*$/.exec(text);
  if (!text.trim() || !m) return { article: text.trim() || null, part: null, point: null };
  return { article: m[1]!, part: m[2] ?? null, point: m[3] ?? null };
}

/**
 * Reads a search URL built by buildSearchUrl (or by the site's own form) back into its parts:
 * what a court-site simulator needs to answer it.
 */
export function readSearchRequest(url: string | URL): SearchRequest {
  const p = parseSearchQuery(url);
  if ('_deloId' in p || 'case__vnkod' in p) {
    const newId = p['_new'] ?? '0';
    return {
      form: 'vnkod',
      instance: newId === '4' ? 'appeal' : newId === '0' ? 'first' : null,
      vnkod: p['case__vnkod'] || p['vnkod'] || null,
      ...splitArticle(p['parts__law_articless'] ?? ''),
      decidedFrom: fromRuDate(p['case__result_date1d']),
      decidedTo: fromRuDate(p['case__result_date2d']),
      receivedFrom: fromRuDate(p['case__entry_date1d']),
      receivedTo: fromRuDate(p['case__entry_date2d']),
      page: Number(p['_page'] ?? '1') || 1,
      submitted: true,
    };
  }
  // `new` decides the index; `new=0` outside first instance silently finds nothing on real sites.
  const newId = p['new'] ?? '0';
  const instance = newId === '0' ? (p['delo_id'] === '1540006' ? 'first' : null) : (INSTANCE_BY_DELO[newId] ?? null);
  const t = instance ? PRIMARY_TABLES[instance] : null;
  const lower = t?.prefix.toLowerCase() ?? 'u1';
  const upper = t?.prefix ?? 'U1';
  const get = (key: string) => p[key] ?? p[key.toLowerCase()] ?? p[key.toUpperCase()];
  return {
    form: 'primary',
    instance,
    vnkod: p['vnkod'] || null,
    ...splitArticle(get(`${upper}_DEFENDANT__LAW_ARTICLESS`) ?? ''),
    decidedFrom: fromRuDate(get(`${lower}_case__RESULT_DATE1D`)),
    decidedTo: fromRuDate(get(`${lower}_case__RESULT_DATE2D`)),
    receivedFrom: fromRuDate(get(`${lower}_case__ENTRY_DATE1D`)),
    receivedTo: fromRuDate(get(`${lower}_case__ENTRY_DATE2D`)),
    page: Number(p['page'] ?? '1') || 1,
    submitted: p['Submit'] === 'Найти',
  };
}
