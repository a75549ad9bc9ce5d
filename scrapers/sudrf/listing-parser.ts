import { classifyOutcome } from './outcome.js';
import { parseDefendantsText } from './defendants-text.js';
import { isoDate, lineOf, nullIfEmpty, textOf, type HtmlElement } from './html-dom.js';
import { rowCells, tableRows } from './html-table.js';
import { findListingTable, type ListingColumns } from './listing-table.js';
import { indexPage, type PageIndex } from './page-index.js';
import { linkParam, linkResolver } from './site-links.js';
import type { Listing, ListingRow } from './types.js';

/** Thrown when a page has no case listing the parser can read. */
export class ListingLayoutError extends Error {
  override name = 'ListingLayoutError';
}

type Resolve = ReturnType<typeof linkResolver>;

const COUNTER_AT = 'Всего по запросу найдено';
const COUNTER = /Всего по запросу найдено\s*[—–-]?\s*(\d+)\.?\s*(?:На странице записи с\s*(\d+)\s*по\s*(\d+))?/;

function readCounter(html: string): { total: number | null; from: number | null; to: number | null } {
  const at = html.indexOf(COUNTER_AT);
  if (at < 0) return { total: null, from: null, to: null };
  const text = html
    .slice(at, at + 600)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ');
  const m = COUNTER.exec(text);
  if (!m) return { total: null, from: null, to: null };
  return { total: Number(m[1]), from: m[2] ? Number(m[2]) : null, to: m[3] ? Number(m[3]) : null };
}

function pageOf(url: string): number {
  const p = linkParam(url, 'page') ?? linkParam(url, '_page');
  const n = p === null ? 1 : Number(p);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function withPage(url: string, page: number): string | null {
  try {
    const u = new URL(url);
    const key = u.searchParams.has('_page') ? '_page' : 'page';
    // Rewrite the raw query: URLSearchParams would re-encode the cp1251 escapes as UTF-8.
    const re = new RegExp(`([?&]${key}=)\\d*`);
    u.search = re.test(u.search) ? u.search.replace(re, `$1${page}`) : `${u.search}&${key}=${page}`;
    return u.href;
  } catch {
    return null;
  }
}

function findNextPage(index: PageIndex, resolve: Resolve, current: number): string | null {
  let byNumber: string | null = null;
  for (const a of index.anchors) {
    const title = a.attribs['title'];
    if (title !== undefined && title.includes('Следующая')) {
      const url = resolve(a.attribs['href']);
      if (url) return url;
    }
    if (byNumber === null) {
      const href = a.attribs['href']!;
      if (!/[?&]_?page=/.test(href)) continue;
      const url = resolve(href);
      if (url && pageOf(url) === current + 1 && lineOf(a) === String(current + 1)) byNumber = url;
    }
  }
  return byNumber;
}

function cellAt(cells: HtmlElement[], columns: ListingColumns, column: number): HtmlElement | null {
  if (column < 0) return null;
  if (cells.length === columns.count) return cells[column] ?? null;
  // A row one cell short has no legal-force column (seen on real sites; tochno-st reads both).
  if (column === columns.legalForceOn) return null;
  return cells[column > columns.legalForceOn ? column - 1 : column] ?? null;
}

function readRow(cells: HtmlElement[], columns: ListingColumns, resolve: Resolve): ListingRow | string {
  const shortRow = cells.length === columns.count - 1 && columns.legalForceOn >= 0;
  if (cells.length !== columns.count && !shortRow) return `has ${cells.length} cells, expected ${columns.count}`;
  const cell = (column: number) => cellAt(cells, columns, column);
  const numberCell = cell(columns.caseNumber)!;
  const caseNumber = lineOf(numberCell);
  if (!caseNumber) return 'has no case number';
  const link = numberCell.children.length ? findAnchor(numberCell) : null;
  const cardUrl = link ? resolve(link.attribs['href']) : null;
  const infoCell = cell(columns.info);
  const info = infoCell ? textOf(infoCell) : '';
  const resultCell = cell(columns.result);
  const result = resultCell ? nullIfEmpty(textOf(resultCell)) : null;
  const judgeCell = cell(columns.judge);
  const actsCell = cell(columns.acts);
  const forceCell = cell(columns.legalForceOn);
  const actUrls: string[] = [];
  if (actsCell)
    for (const a of anchorsIn(actsCell)) {
      const url = resolve(a.attribs['href']);
      if (url && !actUrls.includes(url)) actUrls.push(url);
    }
  return {
    caseNumber,
    cardUrl,
    caseId: linkParam(cardUrl, 'case_id'),
    caseUid: linkParam(cardUrl, 'case_uid'),
    receivedOn: isoDate(lineOf(cell(columns.receivedOn)!)),
    info,
    defendants: parseDefendantsText(info),
    judge: judgeCell ? nullIfEmpty(lineOf(judgeCell)) : null,
    decidedOn: isoDate(lineOf(cell(columns.decidedOn)!)),
    result,
    outcome: result === null ? null : classifyOutcome(result),
    legalForceOn: forceCell ? isoDate(lineOf(forceCell)) : null,
    actUrls,
  };
}

function anchorsIn(el: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!('attribs' in n)) continue;
    const e = n as HtmlElement;
    if (e.name === 'a' && e.attribs['href'] !== undefined) out.push(e);
    stack.push(...e.children);
  }
  return out.reverse();
}

function findAnchor(el: HtmlElement): HtmlElement | null {
  return anchorsIn(el)[0] ?? null;
}

/** parseListing on an already indexed page. */
export function parseIndexedListing(index: PageIndex, pageUrl: string): Listing {
  const found = findListingTable(index);
  if (found.kind !== 'found')
    throw new ListingLayoutError(found.kind === 'none' ? 'No case listing table (table#tablcont) on the page' : found.reason);
  const { table, headerRow, columns } = found;
  const problems: string[] = [];
  if (!found.byId) problems.push(`Result table found without id="tablcont" (${found.reason})`);

  const resolve = linkResolver(pageUrl);
  const rows: ListingRow[] = [];
  let n = 0;
  for (const tr of tableRows(table)) {
    if (tr === headerRow) continue;
    const cells = rowCells(tr);
    if (cells.length === 0 || cells.every((c) => c.name === 'th')) continue;
    n++;
    const row = readRow(cells, columns, resolve);
    // The case number identifies the row; the rest of it may hold names, which problems must not.
    if (typeof row === 'string') problems.push(`Row ${n} (${lineOf(cells[0]!) || 'no case number'}) ${row}`);
    else rows.push(row);
  }

  const { total, from, to } = readCounter(index.html);
  if (total === null) problems.push('No «Всего по запросу найдено» counter on the page');
  else if (from !== null && to !== null) {
    const expected = to - from + 1;
    if (expected !== rows.length)
      problems.push(`Counter says rows ${from}–${to} of ${total} (${expected}) but ${rows.length} rows were read`);
  } else if (rows.length === 0 && total > 0) problems.push(`Counter says ${total} cases but no rows were read`);
  if (rows.length === 0 && !problems.length) problems.push('The case table has no rows');

  const current = pageOf(pageUrl);
  let nextPageUrl = findNextPage(index, resolve, current);
  if (total !== null && to !== null) {
    if (to >= total) nextPageUrl = null;
    else if (nextPageUrl === null) {
      nextPageUrl = withPage(pageUrl, current + 1);
      problems.push(`Counter says ${total} cases, shown up to ${to}, but the page has no link to page ${current + 1}`);
    }
  }

  return { total, from, to, rows, nextPageUrl, problems };
}

/**
 * The rows of a case search result page (`table#tablcont`, 8 or 7 columns), the site's counter,
 * the next page's absolute URL and any problems found (rows that disagree with the counter,
 * unreadable rows). Throws ListingLayoutError when there is no readable case table.
 */
export function parseListing(html: string, pageUrl: string): Listing {
  return parseIndexedListing(indexPage(html), pageUrl);
}
