// Thin helpers over the htmlparser2 DOM. Parsing goes through htmlparser2 only (no parse5): it is
// the fastest parser cheerio can use, and the page is walked once by page-index.ts instead of
// being scanned by selectors.
import { DomUtils, parseDocument } from 'htmlparser2';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlNode = HtmlDocument['children'][number];
export type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

/** HTML mode defaults: tag and attribute names lower-cased, entities decoded. */
export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html);
}

export const isElement = DomUtils.isTag as (node: unknown) => node is HtmlElement;

export function elementChildren(el: HtmlElement | HtmlDocument): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const c of el.children) if (isElement(c)) out.push(c);
  return out;
}

/** Element descendants named one of `names`, in document order, not entering `stopAt` elements; at most `limit`. */
export function findAll(root: HtmlElement, names: ReadonlySet<string>, stopAt?: ReadonlySet<string>, limit = Infinity): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack: HtmlNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length && out.length < limit) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (names.has(n.name)) out.push(n);
    if (stopAt?.has(n.name)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

export function findFirst(root: HtmlElement, test: (el: HtmlElement) => boolean): HtmlElement | null {
  const stack: HtmlNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (test(n)) return n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return null;
}

const BLOCK = new Set(['br', 'p', 'div', 'tr', 'li', 'ul', 'ol', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SKIP = new Set(['script', 'style', 'noscript', 'template']);
const BREAK = '\u0001'; // a line break from markup, as opposed to a newline in the source text

/**
 * Visible text of a node as the browser lays it out: `<br>` and block elements break lines,
 * any other run of white space (source newlines and no-break spaces included) is one space,
 * lines are trimmed and blank lines dropped.
 */
export function textOf(node: HtmlNode | HtmlDocument): string {
  // Most table cells hold one text node: skip the walk.
  if (isElement(node) && node.children.length === 1 && node.children[0]!.type === 'text')
    return SKIP.has(node.name) ? '' : (node.children[0] as { data: string }).data.replace(/\s+/g, ' ').trim();
  let out = '';
  const walk = (n: HtmlNode | HtmlDocument): void => {
    if (n.type === 'text') {
      out += (n as { data: string }).data;
      return;
    }
    if (isElement(n)) {
      if (SKIP.has(n.name)) return;
      const block = BLOCK.has(n.name);
      if (block) out += BREAK;
      for (const c of n.children) walk(c);
      if (block && n.name !== 'br') out += BREAK;
      return;
    }
    if ('children' in n && Array.isArray(n.children)) for (const c of n.children) walk(c as HtmlNode);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').replace(/ ?\u0001[\u0001 ]*/g, '\n').trim();
}

/** Text on one line. */
export function lineOf(node: HtmlNode | HtmlDocument): string {
  const text = textOf(node);
  return text.includes('\n') ? text.replace(/\n/g, ' ') : text;
}

const RU_DATE = /(\d{2})\.(\d{2})\.(\d{4})/;

/** The first `dd.mm.yyyy` in a text as an ISO date, or null. */
export function isoDate(text: string | null | undefined): string | null {
  const m = text ? RU_DATE.exec(text) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

export function nullIfEmpty(text: string): string | null {
  return text === '' ? null : text;
}

export function attr(el: HtmlElement, name: string): string | undefined {
  return el.attribs[name];
}

export function hasClass(el: HtmlElement, cls: string): boolean {
  const c = el.attribs['class'];
  if (c === undefined || !c.includes(cls)) return false;
  return c === cls || c.split(/\s+/).includes(cls);
}
