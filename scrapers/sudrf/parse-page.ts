import { readCaptcha } from './captcha.js';
import { CardLayoutError, parseIndexedCard } from './card-parser.js';
import { decodePage } from './cp1251.js';
import { textOf } from './html-dom.js';
import { ListingLayoutError, parseIndexedListing } from './listing-parser.js';
import { classifyIndexedPage } from './page-classifier.js';
import { byId, indexPage } from './page-index.js';
import type { ParsedPage } from './types.js';

/**
 * The one entry point for fetched court pages: decode (bytes are windows-1251 unless the
 * Content-Type or a `<meta>` says otherwise), classify, and parse listings, cards and act texts.
 * The HTML is parsed once. A listing or card whose layout turns out unreadable comes back as
 * 'unknown' with the reason, never as an empty result.
 */
export function parsePage(bytesOrHtml: Uint8Array | string, url: string, contentType?: string): ParsedPage {
  const html = typeof bytesOrHtml === 'string' ? bytesOrHtml : decodePage(bytesOrHtml, contentType);
  const index = indexPage(html);
  const { kind, reason } = classifyIndexedPage(index);
  try {
    switch (kind) {
      case 'listing':
        return { kind, reason, listing: parseIndexedListing(index, url) };
      case 'card':
        return { kind, reason, card: parseIndexedCard(index, url) };
      case 'act': {
        const content = byId(index, 'content');
        return { kind, reason, act: { text: content ? textOf(content) : textOf(index.doc) } };
      }
      case 'captcha':
        return { kind, reason, captcha: readCaptcha(index) };
      default:
        return { kind, reason };
    }
  } catch (err) {
    if (err instanceof ListingLayoutError || err instanceof CardLayoutError)
      return { kind: 'unknown', reason: `${kind} layout not readable: ${err.message}` };
    throw err;
  }
}
