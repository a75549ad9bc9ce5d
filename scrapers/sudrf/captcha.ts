import { DomUtils } from 'htmlparser2';
import type { HtmlElement } from './html-dom.js';
import type { PageIndex } from './page-index.js';
import type { CaptchaChallenge } from './types.js';

/**
 * The challenge a captcha page carries: the inline PNG (`<img src="data: image/png;base64, …">`, with
 * the spaces the sites put in) and the `captchaid` nonce a solved code must be sent back with.
 */
export function readCaptcha(index: PageIndex): CaptchaChallenge {
  const id = index.inputs.get('captchaid')?.[0]?.attribs['value']?.trim() || null;
  const img = DomUtils.findOne(
    (el) => el.name === 'img' && /^\s*data:/i.test(el.attribs['src'] ?? ''),
    index.doc.children,
    true,
  ) as HtmlElement | null;
  const src = img?.attribs['src']?.replace(/\s+/g, '') ?? null;
  return { captchaId: id, imageDataUrl: src && /^data:image\/(png|gif|jpeg);base64,[A-Za-z0-9+/=]+$/.test(src) ? src : null };
}
