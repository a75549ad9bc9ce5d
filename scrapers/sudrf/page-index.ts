import { hasClass, isElement, parseHtml, type HtmlDocument, type HtmlElement, type HtmlNode } from './html-dom.js';
import type { ListingTable } from './listing-table.js';

/**
 * Everything the classifier and the parsers look up, gathered in one walk over the document, so
 * that no step scans the whole page again.
 */
export interface PageIndex {
  html: string;
  doc: HtmlDocument;
  /** Elements by id; court cards repeat `id="tablcont"`, hence arrays. */
  ids: Map<string, HtmlElement[]>;
  tables: HtmlElement[];
  /** `div.casenumber` (primary form) or `div.case-num` (vnkod form). */
  caseNumber: HtmlElement | null;
  /** `div.title` elements inside #content (the card index name, e.g. «Уголовные дела - первая инстанция»). */
  titles: HtmlElement[];
  /** Card tabs `li#tabN` and act tabs `li#tab_docN`, in document order. */
  tabs: HtmlElement[];
  docTabs: HtmlElement[];
  /** Inputs by name, only those the classifier cares about. */
  inputs: Map<string, HtmlElement[]>;
  anchors: HtmlElement[];
  scripts: HtmlElement[];
  /** Set by findListingTable, which both the classifier and the listing parser ask. */
  listingTable?: ListingTable;
}

const WATCHED_INPUTS = new Set(['captcha', 'captchaid', 'delo_table', 'name_op']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexPage(html: string): PageIndex {
  const doc = parseHtml(html);
  const index: PageIndex = {
    html,
    doc,
    ids: new Map(),
    tables: [],
    caseNumber: null,
    titles: [],
    tabs: [],
    docTabs: [],
    inputs: new Map(),
    anchors: [],
    scripts: [],
  };
  const stack: HtmlNode[] = [...doc.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    const a = n.attribs;
    const id = a['id'];
    if (id !== undefined) push(index.ids, id, n);
    switch (n.name) {
      case 'table':
        index.tables.push(n);
        break;
      case 'a':
        if (a['href'] !== undefined) index.anchors.push(n);
        break;
      case 'input': {
        const name = a['name'];
        if (name !== undefined && WATCHED_INPUTS.has(name)) push(index.inputs, name, n);
        break;
      }
      case 'script':
        index.scripts.push(n);
        continue; // script text is not markup
      case 'style':
        continue;
      case 'li':
        if (id !== undefined) {
          if (/^tab\d+$/.test(id)) index.tabs.push(n);
          else if (/^tab_doc\d+$/.test(id)) index.docTabs.push(n);
        }
        break;
      case 'div':
        if (a['class'] !== undefined) {
          if (!index.caseNumber && (hasClass(n, 'casenumber') || hasClass(n, 'case-num'))) index.caseNumber = n;
          else if (hasClass(n, 'title') && insideContent(n)) index.titles.push(n);
        }
        break;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return index;
}

function insideContent(el: HtmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (isElement(p) && p.attribs['id'] === 'content') return true;
  return false;
}

export function byId(index: PageIndex, id: string): HtmlElement | null {
  return index.ids.get(id)?.[0] ?? null;
}
