import * as cheerio from 'cheerio';

/** Collapses runs of whitespace (incl. no-break and thin spaces) to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009\u200b]+/gu, ' ').trim();
}

/**
 * Plain text of an HTML fragment (a feed description, an Atom `type="html"` text): tags
 * removed, block elements turned into line breaks, entities decoded, whitespace collapsed.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseSpace(html);
  const $ = cheerio.load(`<div id="__root">${html}</div>`, null, false);
  const root = $('#__root');
  root.find('script, style, noscript').remove();
  root.find('br').replaceWith('\n');
  root.find('p, div, li, h1, h2, h3, h4, h5, h6, blockquote, tr').each((_, el) => {
    $(el).append('\n');
  });
  return root
    .text()
    .split('\n')
    .map(collapseSpace)
    .filter((l) => l.length > 0)
    .join('\n');
}
