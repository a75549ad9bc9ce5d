import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { FeedParseError } from './feed-parse-error.js';
import { collapseSpace, htmlToText } from './html-text.js';
import type { Feed, FeedItem } from './types.js';

/**
 * Parses an RSS 2.0 (also RSS 1.0/RDF) or Atom document into a feed and its items.
 *
 * - CDATA sections and `content:encoded` are read; HTML in titles and descriptions is
 *   reduced to plain text.
 * - Item links are made absolute against `feedUrl`; dates become ISO timestamps in UTC.
 * - A feed without items gives `items: []`.
 * - Anything else (an empty body, an HTML or JSON page, truncated or malformed XML, an unknown
 *   root element) throws `FeedParseError` with the reason.
 */
export function parseFeed(xml: string, feedUrl: string): Feed {
  const doc = xml.replace(/^\uFEFF/u, '');
  sniff(doc, feedUrl);
  checkWellFormed(doc, feedUrl);

  const $ = cheerio.load(doc, { xml: true });
  const root = $.root()
    .children()
    .toArray()
    .find((n): n is Element => n.type === 'tag');
  if (!root) throw new FeedParseError('no root element', feedUrl);
  const rootName = localName(root);

  if (rootName === 'rss' || rootName === 'rdf') {
    const channel = child(root, 'channel');
    if (!channel) throw new FeedParseError(`<${root.name}> has no <channel> element`, feedUrl);
    // RSS 2.0 puts items in <channel>; RSS 1.0 (RDF) puts them next to it.
    const itemEls = [...children(channel, 'item'), ...children(root, 'item')];
    return {
      format: 'rss',
      title: textOf($, child(channel, 'title'), 'html'),
      link: absolute(rawText($, child(channel, 'link')), feedUrl),
      items: itemEls.map((el) => rssItem($, el, feedUrl)),
    };
  }
  if (rootName === 'feed') {
    return {
      format: 'atom',
      title: atomText($, child(root, 'title')),
      link: absolute(atomLink(root), feedUrl),
      items: children(root, 'entry').map((el) => atomEntry($, el, feedUrl)),
    };
  }
  if (rootName === 'html') {
    throw new FeedParseError('an HTML page, not a feed (root element <html>)', feedUrl);
  }
  throw new FeedParseError(`root element <${root.name}> is neither RSS <rss> nor Atom <feed>`, feedUrl);
}

// ---------------------------------------------------------------------------------------------

function sniff(doc: string, feedUrl: string): void {
  const head = doc.trimStart();
  if (head.length === 0) throw new FeedParseError('empty document', feedUrl);
  if (head[0] === '{' || head[0] === '[') {
    throw new FeedParseError('a JSON document, not an RSS/Atom feed', feedUrl);
  }
  if (head[0] !== '<') {
    throw new FeedParseError(`not XML: starts with ${JSON.stringify(head.slice(0, 20))}`, feedUrl);
  }
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/iu.test(head) || /^<html[\s>]/iu.test(head)) {
    const title = /<title[^>]*>([^<]*)<\/title>/iu.exec(head)?.[1];
    const hint = title ? `, titled ${JSON.stringify(collapseSpace(title))}` : '';
    throw new FeedParseError(`an HTML page, not a feed${hint} (blocked, moved or an error page?)`, feedUrl);
  }
}

const HTML_VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'source', 'embed', 'col', 'area', 'param', 'track']);

/** Rejects XML that is not well-formed: a truncated download or mismatched tags. */
function checkWellFormed(doc: string, feedUrl: string): void {
  const stack: string[] = [];
  let problem: string | null = null;
  let elements = 0;
  const lineAt = (index: number): number => doc.slice(0, Math.max(0, index)).split('\n').length;
  const parser = new Parser(
    {
      onopentag(name) {
        elements++;
        stack.push(name);
      },
      onclosetag(name, isImplied) {
        stack.pop();
        if (!isImplied || problem) return;
        const source = doc.slice(parser.startIndex, parser.endIndex + 1);
        if (source.endsWith('/>')) return; // <link href="…"/>
        if (HTML_VOID.has(name.toLowerCase())) return; // a stray unescaped <br> or <img> in a description
        if (source.startsWith('</')) {
          problem = `malformed XML: <${name}> closed by ${source} on line ${lineAt(parser.startIndex)}`;
        } else {
          problem = `truncated or malformed XML: <${name}> is never closed`;
        }
      },
    },
    { xmlMode: true, recognizeCDATA: true, decodeEntities: true },
  );
  parser.write(doc);
  parser.end();
  if (elements === 0) throw new FeedParseError('not XML: no elements', feedUrl);
  if (problem) throw new FeedParseError(problem, feedUrl);
}

function rssItem($: cheerio.CheerioAPI, el: Element, feedUrl: string): FeedItem {
  const title = textOf($, child(el, 'title'), 'html');
  const url = absolute(rawText($, child(el, 'link')) || permalinkGuid($, el), feedUrl);
  const publishedAt = parseFeedDate(rawText($, child(el, 'pubdate') ?? child(el, 'date') ?? child(el, 'published')));
  const description = child(el, 'description');
  const encoded = child(el, 'encoded');
  const content = encoded ? textOf($, encoded, 'html') : null;
  const summary = description ? textOf($, description, 'html') : '';
  const guid = rawText($, child(el, 'guid')) || url || fallbackGuid(title, publishedAt);
  const categories = children(el, 'category')
    .map((c) => collapseSpace($(c).text()))
    .filter(Boolean);
  return { guid, url, title, publishedAt, summary, content, categories };
}

function atomEntry($: cheerio.CheerioAPI, el: Element, feedUrl: string): FeedItem {
  const title = atomText($, child(el, 'title'));
  const url = absolute(atomLink(el), feedUrl);
  const publishedAt = parseFeedDate(rawText($, child(el, 'published') ?? child(el, 'updated') ?? child(el, 'issued')));
  const contentEl = child(el, 'content');
  const content = contentEl ? atomText($, contentEl) : null;
  const summaryEl = child(el, 'summary');
  const summary = summaryEl ? atomText($, summaryEl) : '';
  const guid = rawText($, child(el, 'id')) || url || fallbackGuid(title, publishedAt);
  const categories = children(el, 'category')
    .map((c) => collapseSpace(c.attribs['term'] ?? c.attribs['label'] ?? $(c).text()))
    .filter(Boolean);
  return { guid, url, title, publishedAt, summary, content, categories };
}

/** Atom text constructs: type="text" (default), "html" (escaped markup) or "xhtml" (inline markup). */
function atomText($: cheerio.CheerioAPI, el: Element | undefined): string {
  if (!el) return '';
  const type = (el.attribs['type'] ?? 'text').toLowerCase();
  if (type === 'xhtml') return htmlToText($(el).html() ?? '');
  return textOf($, el, type === 'text' ? 'text' : 'html');
}

function atomLink(el: Element): string | null {
  const links = children(el, 'link');
  const alternate =
    links.find((l) => (l.attribs['rel'] ?? 'alternate') === 'alternate' && (l.attribs['type'] ?? 'text/html').includes('html')) ??
    links.find((l) => (l.attribs['rel'] ?? 'alternate') === 'alternate');
  return alternate?.attribs['href']?.trim() || null;
}

function permalinkGuid($: cheerio.CheerioAPI, el: Element): string {
  const guid = child(el, 'guid');
  if (!guid || guid.attribs['isPermaLink'] === 'false') return '';
  const text = rawText($, guid);
  return /^https?:\/\//iu.test(text) ? text : '';
}

function textOf($: cheerio.CheerioAPI, el: Element | undefined, kind: 'text' | 'html'): string {
  if (!el) return '';
  if (kind === 'html' && el.children.some((c) => c.type === 'tag')) {
    // Unescaped markup parsed as XML elements: serialise it back and read it as HTML.
    return htmlToText($(el).html() ?? '');
  }
  const text = $(el).text();
  return kind === 'html' ? htmlToText(text) : collapseSpace(text);
}

function rawText($: cheerio.CheerioAPI, el: Element | undefined): string {
  return el ? $(el).text().trim() : '';
}

function localName(el: Element): string {
  const name = el.name.toLowerCase();
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

function children(el: Element, name: string): Element[] {
  return (el.children as AnyNode[]).filter((c): c is Element => c.type === 'tag' && localName(c) === name);
}

/** The first child element of that local name, preferring an unprefixed one (`<link>` over `<atom:link rel="self"/>`). */
function child(el: Element, name: string): Element | undefined {
  const all = children(el, name);
  return all.find((c) => !c.name.includes(':')) ?? all[0];
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}

function fallbackGuid(title: string, publishedAt: string | null): string {
  return 'sha1:' + createHash('sha1').update(`${title}\n${publishedAt ?? ''}`).digest('hex');
}

const ZONES: Record<string, string> = { MSK: '+0300', MSD: '+0400', CET: '+0100', CEST: '+0200', EET: '+0200', EEST: '+0300' };

/** RFC 822 (RSS) and ISO 8601 (Atom) dates to an ISO timestamp in UTC; a date without a zone is read as UTC. */
export function parseFeedDate(value: string): string | null {
  let s = value.trim();
  if (!s) return null;
  s = s.replace(/\b(MSK|MSD|CEST|CET|EEST|EET)\b/u, (z) => ZONES[z] ?? z);
  // ISO without an offset (`2026-05-12T10:00:00` or `2026-05-12 10:00`) would be read in the
  // server's local zone; feeds mean UTC or do not say, so pin it.
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/u.exec(s);
  if (iso) s = `${iso[1]}T${iso[2] ?? '00:00:00'}Z`;
  else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/u.test(s)) s = s.replace(' ', 'T');
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
