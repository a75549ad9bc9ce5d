import { Injectable, Logger } from '@nestjs/common';
import { extractArticleText } from '../../scrapers/news/article-text-extractor.js';
import { decodeHtml } from '../../scrapers/news/html-decoder.js';
import { extractMentions } from '../../scrapers/news/mention-extractor.js';
import { PageStore } from '../crawling/page-store.service.js';
import { NewsCaseLinker } from './news-case-linker.js';
import { NewsFetcher } from './news-fetcher.js';
import { NewsItemsStore, type Extraction } from './news-items.store.js';

export interface ArticleOutcome {
  status: Extraction['status'] | 'done' | 'missing';
  mentions: number;
  figures: number;
  links: number;
}

/**
 * One relevant item: its article page fetched politely (key = the outlet's host) and kept raw, the
 * story's text extracted (outlet selectors, else the generic fallback; the feed's own text when
 * there is no page), mentions and figures stored, mentions linked to cases. An item is read once.
 */
@Injectable()
export class NewsArticleService {
  private readonly log = new Logger(NewsArticleService.name);

  constructor(
    private readonly items: NewsItemsStore,
    private readonly fetcher: NewsFetcher,
    private readonly pages: PageStore,
    private readonly linker: NewsCaseLinker,
  ) {}

  async handle(itemId: string): Promise<ArticleOutcome> {
    const item = await this.items.get(itemId);
    if (!item) return { status: 'missing', mentions: 0, figures: 0, links: 0 };
    if (item.processed) return { status: 'done', mentions: 0, figures: 0, links: 0 };

    let text = item.feedText;
    let publishedAt = item.publishedAt;
    let x: Omit<Extraction, 'mentions' | 'figures'> = { pageId: null, status: 'feed-text', error: null, extractedBy: null };
    if (item.url) {
      const page = await this.fetcher.get(item.url, 'article');
      const pageId = await this.pages.save(page, null);
      if (page.status === 200) {
        const article = extractArticleText(decodeHtml(page.body, page.headers['content-type']), item.url);
        await this.pages.mark(pageId, 'article', article.extractedBy, null);
        if (article.text.trim()) {
          text = article.text;
          x = { pageId, status: 'ok', error: null, extractedBy: article.extractedBy };
        } else x = { pageId, status: 'feed-text', error: 'no article text found on the page', extractedBy: null };
        publishedAt = article.publishedAt ?? publishedAt;
      } else {
        await this.pages.mark(pageId, 'error', `HTTP ${page.status}`, null);
        x = { pageId, status: 'http-error', error: `HTTP ${page.status}`, extractedBy: null };
      }
    }
    const { mentions, figures } = extractMentions(text, { publishedAt });
    const mentionIds = await this.items.saveExtraction(item.id, { ...x, mentions, figures });
    const links = await this.linker.link(mentionIds);
    this.log.log(`item ${item.id}: ${x.status}, ${mentions.length} mentions, ${figures.length} figures, ${links} links`);
    return { status: x.status, mentions: mentions.length, figures: figures.length, links };
  }

  async giveUp(itemId: string, error: Error): Promise<void> {
    await this.items.markFailed(itemId, error.message);
  }
}
