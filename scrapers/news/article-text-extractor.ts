import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { parseFeedDate } from './feed-parser.js';
import { collapseSpace } from './html-text.js';
import { outletFor } from './outlet-selectors.js';
import type { ArticleText } from './types.js';

type Cheerio = cheerio.Cheerio<AnyNode>;

/** Never part of a story, wherever they sit. */
const ALWAYS_REMOVE = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'form', 'button', 'nav', 'footer', 'aside', 'figure figcaption',
  '[hidden]', '[aria-hidden="true"]', '.visually-hidden', '.sr-only',
];

/** Boilerplate by class name; only removed inside the chosen body, and only when small. */
const BOILERPLATE = [
  '[class*="related"]', '[class*="Related"]', '[class*="subscribe"]', '[class*="Subscribe"]', '[class*="donat"]', '[class*="Donat"]',
  '[class*="share"]', '[class*="Share"]', '[class*="banner"]', '[class*="advert"]', '[class*="read-also"]', '[class*="readalso"]',
  '[class*="ReadAlso"]', '[class*="read-more"]', '[class*="comments"]', '[class*="newsletter"]', '[class*="tags"]', 'header',
];

const BLOCKS = 'p, h2, h3, h4, h5, li, blockquote, pre';

const BOILERPLATE_LINE = /^(?:Читайте\s+также|Читать\s+также|Подписывайтесь|Подпишитесь|Поддержите|Поддержать|Фото:|Photo:|Read\s+(?:also|more)|Subscribe|Support\s+us|Share|Поделиться|Реклама|Advertisement|Этот\s+материал\s+(?:создан|распространен)|ДАННОЕ\s+СООБЩЕНИЕ)/iu;

/**
 * The story of an article page: outlet-specific selectors for the outlets the field reads
 * (zona.media, ovd.info, meduza.io, novayagazeta.eu, verstka.media, vot-tak.tv, theins.ru,
 * sotavision.world, currenttime.tv), else the page's <article>/<main>, else its largest block
 * of paragraphs. Navigation, related links, donation and subscription boxes and captions are left
 * out. Also reads the title and the publication time from the page's metadata.
 */
export function extractArticleText(html: string, url: string): ArticleText {
  const $ = cheerio.load(html);
  const title = pageTitle($);
  const publishedAt = pagePublishedAt($);
  $(ALWAYS_REMOVE.join(', ')).remove();

  const outlet = outletFor(url);
  if (outlet) {
    for (const selector of outlet.body) {
      const body = $(selector).first();
      if (body.length === 0) continue;
      if (outlet.remove?.length) body.find(outlet.remove.join(', ')).remove();
      const paragraphs = paragraphsOf($, body);
      if (paragraphs.length > 0) return result(url, outlet.outlet, 'outlet', title, publishedAt, paragraphs);
    }
  }

  const containers = $('[itemprop="articleBody"], article, main, [role="main"]').toArray();
  const best = containers
    .map((el) => ({ el, len: textLength($, $(el).find('p')) }))
    .sort((a, b) => b.len - a.len)[0];
  if (best && best.len > 0) {
    const paragraphs = paragraphsOf($, $(best.el));
    if (paragraphs.length > 0) return result(url, outlet?.outlet ?? null, 'article', title, publishedAt, paragraphs);
  }

  const block = largestBlock($);
  const paragraphs = block ? paragraphsOf($, $(block)) : [];
  return result(url, outlet?.outlet ?? null, 'largest-block', title, publishedAt, paragraphs);
}

function result(
  url: string,
  outlet: string | null,
  extractedBy: ArticleText['extractedBy'],
  title: string | null,
  publishedAt: string | null,
  paragraphs: string[],
): ArticleText {
  return { url, outlet, extractedBy, title, publishedAt, paragraphs, text: paragraphs.join('\n\n') };
}

function paragraphsOf($: cheerio.CheerioAPI, body: Cheerio): string[] {
  const total = textLength($, body);
  body.find(BOILERPLATE.join(', ')).each((_, el) => {
    // A wrapper whose class happens to contain «share» must not take the story with it.
    if (textLength($, $(el)) < total * 0.3) $(el).remove();
  });
  const blocks = body.find(BLOCKS).toArray().filter((el) => $(el).find(BLOCKS).length === 0);
  let lines: string[];
  if (blocks.length > 0) {
    lines = blocks.map((el) => blockText($, el));
  } else {
    // Text kept in <div>s and <br>s.
    body.find('br').replaceWith('\n');
    body.find('div').each((_, el) => {
      $(el).append('\n');
    });
    lines = body.text().split('\n');
  }
  return lines.map(collapseSpace).filter((l) => l.length > 1 && !BOILERPLATE_LINE.test(l));
}

function blockText($: cheerio.CheerioAPI, el: Element): string {
  const node = $(el).clone();
  node.find('br').replaceWith(' ');
  return node.text();
}

function textLength($: cheerio.CheerioAPI, nodes: Cheerio): number {
  let n = 0;
  nodes.each((_, el) => {
    n += collapseSpace($(el).text()).length;
  });
  return n;
}

/** The element whose own paragraphs hold the most text (a «readability» lite). */
function largestBlock($: cheerio.CheerioAPI): Element | null {
  let best: Element | null = null;
  let bestLen = 0;
  $('body div, body section, body td').each((_, el) => {
    const own = $(el).children('p');
    const len = own.length > 0 ? textLength($, own) : collapseSpace($(el).clone().children().remove().end().text()).length;
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  });
  return best ?? ($('body').get(0) as Element | undefined) ?? null;
}

function pageTitle($: cheerio.CheerioAPI): string | null {
  const candidates = [
    $('meta[property="og:title"]').attr('content'),
    $('h1').first().text(),
    $('title').first().text(),
  ];
  const t = candidates.map((c) => collapseSpace(c ?? '')).find((c) => c.length > 0);
  return t ?? null;
}

function pagePublishedAt($: cheerio.CheerioAPI): string | null {
  const candidates = [
    $('meta[property="article:published_time"]').attr('content'),
    $('meta[itemprop="datePublished"]').attr('content'),
    $('meta[name="pubdate"]').attr('content'),
    $('meta[name="publish-date"]').attr('content'),
    $('time[datetime]').first().attr('datetime'),
  ];
  $('script[type="application/ld+json"]').each((_, el) => {
    const m = /"datePublished"\s*:\s*"([^"]+)"/u.exec($(el).text());
    if (m) candidates.push(m[1]);
  });
  for (const c of candidates) {
    const iso = c ? parseFeedDate(c) : null;
    if (iso) return iso;
  }
  return null;
}
