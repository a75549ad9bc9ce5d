import { hasClass, type HtmlElement } from './html-dom.js';
import { headerKey, rowCells, tableRows } from './html-table.js';
import type { PageIndex } from './page-index.js';

export interface ListingColumns {
  count: number;
  caseNumber: number;
  receivedOn: number;
  info: number;
  judge: number;
  decidedOn: number;
  result: number;
  legalForceOn: number;
  acts: number;
}

export type ListingTable =
  | { kind: 'found'; table: HtmlElement; headerRow: HtmlElement; columns: ListingColumns; byId: boolean; reason: string }
  | { kind: 'unrecognised'; reason: string }
  | { kind: 'none' };

const FALLBACK_IDS = ['resultTable', 'search_results'];

function isFallback(t: HtmlElement): boolean {
  return FALLBACK_IDS.includes(t.attribs['id'] ?? '') || hasClass(t, 'bgs-result');
}

function mapColumns(keys: string[]): ListingColumns | null {
  const find = (re: RegExp) => keys.findIndex((k) => re.test(k));
  const cols: ListingColumns = {
    count: keys.length,
    caseNumber: find(/^(№|n|номер) ?дела/),
    receivedOn: find(/^дата поступления/),
    info: -1,
    judge: find(/^судья/),
    decidedOn: find(/^дата (решения|рассмотрения)/),
    result: find(/^(решение|результат)/),
    legalForceOn: find(/законную силу/),
    acts: find(/^судебные акты/),
  };
  if (cols.caseNumber < 0 || cols.receivedOn < 0 || cols.decidedOn < 0 || cols.result < 0) return null;
  const taken = new Set(Object.entries(cols).filter(([k]) => k !== 'count').map(([, v]) => v));
  cols.info = find(/информация|лица|категория|фамилия|обвиняем|подсудим|стороны/);
  if (cols.info < 0 || taken.has(cols.info)) cols.info = keys.findIndex((_, i) => !taken.has(i));
  return cols;
}

function headerOf(table: HtmlElement): { row: HtmlElement; keys: string[] } | null {
  for (const row of tableRows(table, 3)) {
    const cells = rowCells(row);
    if (cells.length >= 4) return { row, keys: cells.map(headerKey) };
  }
  return null;
}

/**
 * Finds the result table of a case search: `table#tablcont` (or a fallback id seen in other
 * parsers) whose header reads as a case listing. A `#tablcont` with another header is reported
 * as unrecognised so that a changed layout never passes for an empty result.
 */
export function findListingTable(index: PageIndex): ListingTable {
  // Memoised on the index (not in a WeakMap, which keeps the DOM alive into the old generation).
  return (index.listingTable ??= lookUp(index));
}

function lookUp(index: PageIndex): ListingTable {
  const byIdTables = (index.ids.get('tablcont') ?? []).filter((t) => t.name === 'table');
  let unrecognised: string | null = null;
  for (const table of byIdTables) {
    const header = headerOf(table);
    if (!header) continue;
    const columns = mapColumns(header.keys);
    if (columns)
      return { kind: 'found', table, headerRow: header.row, columns, byId: true, reason: `table#tablcont, ${columns.count} columns` };
    // Card tabs are #tablcont tables too; only a numbered header looks like a listing we failed to read.
    if (header.keys.some((k) => /^(№|номер)/.test(k)))
      unrecognised ??= `table#tablcont header not recognised: ${header.keys.join(' | ').slice(0, 200)}`;
  }
  // Fallback ids seen in other parsers first, then any table headed «№ дела».
  const others = index.tables
    .filter((t) => !byIdTables.includes(t))
    .sort((a, b) => Number(isFallback(b)) - Number(isFallback(a)));
  for (const table of others) {
    const header = headerOf(table);
    if (!header || !header.keys.some((k) => /^(№|номер) ?дела/.test(k))) continue;
    const columns = mapColumns(header.keys);
    if (columns)
      return {
        kind: 'found',
        table,
        headerRow: header.row,
        columns,
        byId: false,
        reason: `case table without id=tablcont, ${columns.count} columns`,
      };
    unrecognised ??= `case table header not recognised: ${header.keys.join(' | ').slice(0, 200)}`;
  }
  return unrecognised ? { kind: 'unrecognised', reason: unrecognised } : { kind: 'none' };
}
