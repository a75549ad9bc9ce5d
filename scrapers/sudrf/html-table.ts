import { elementChildren, findAll, lineOf, type HtmlElement } from './html-dom.js';

const TR = new Set(['tr']);
const TABLE = new Set(['table']);

/** Rows of a table (the first `limit` only, when given), not those of tables nested in its cells. */
export function tableRows(table: HtmlElement, limit = Infinity): HtmlElement[] {
  return findAll(table, TR, TABLE, limit);
}

/** The `td`/`th` cells of a row. */
export function rowCells(row: HtmlElement): HtmlElement[] {
  return elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th');
}

/** Header text normalised for matching: lower case, ё → е, single spaces. */
export function headerKey(cell: HtmlElement): string {
  return lineOf(cell).toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export interface ReadTable {
  header: string[];
  rows: HtmlElement[][];
}

/**
 * Splits a table into its header (the first row whose normalised cell texts satisfy `isHeader`)
 * and the data rows after it. Title rows before the header (`<th colspan=10>ЛИЦА</th>`) are skipped.
 */
export function readTable(table: HtmlElement, isHeader: (keys: string[]) => boolean): ReadTable | null {
  const rows = tableRows(table);
  for (let i = 0; i < rows.length; i++) {
    const keys = rowCells(rows[i]!).map(headerKey);
    if (isHeader(keys)) {
      return { header: keys, rows: rows.slice(i + 1).map(rowCells).filter((cells) => cells.length > 0) };
    }
  }
  return null;
}

/** Index of the first header matching `re`, or -1. */
export function column(header: string[], re: RegExp): number {
  return header.findIndex((h) => re.test(h));
}
