import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { FeedParseError } from './feed-parse-error.js';
import { parseFeed } from './feed-parser.js';
import {
  comparableMention,
  listFixtures,
  runArticleFixture,
  type ArticleExpectation,
  type FeedExpectation,
} from './fixtures/news-fixtures.js';
import { isRelevant } from './relevance-scorer.js';

const feeds = listFixtures<FeedExpectation>('feeds');
const articles = listFixtures<ArticleExpectation>('articles');

describe('news fixtures: feeds', () => {
  it('has the feed kinds the issue asks for', () => {
    expect(feeds.length).toBeGreaterThanOrEqual(4);
  });

  it.each(feeds.map((f) => [f.name, f] as const))('%s matches its expected JSON', (_name, fx) => {
    expect(fx.expected).not.toBeNull(); // every fixture needs X.expected.json
    const exp = fx.expected!;
    const xml = readFileSync(fx.file, 'utf8');
    if (exp.error) {
      expect(() => parseFeed(xml, exp.feedUrl)).toThrow(FeedParseError);
      expect(() => parseFeed(xml, exp.feedUrl)).toThrow(exp.error);
      return;
    }
    const feed = parseFeed(xml, exp.feedUrl);
    expect(feed).toEqual(exp.feed);
    expect(feed.items.filter((i) => isRelevant(i)).map((i) => i.guid)).toEqual(exp.relevant);
  });
});

describe('news fixtures: articles', () => {
  it('has article pages in several outlets’ layouts', () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(articles.map((a) => [a.name, a] as const))('%s matches its expected JSON', (_name, fx) => {
    expect(fx.expected).not.toBeNull(); // every fixture needs X.expected.json
    const exp = fx.expected!;
    const out = runArticleFixture(fx);
    if (exp.article) {
      const a = out.article!;
      expect({ outlet: a.outlet, extractedBy: a.extractedBy, title: a.title, publishedAt: a.publishedAt, paragraphs: a.paragraphs.length }).toEqual({
        outlet: exp.article.outlet,
        extractedBy: exp.article.extractedBy,
        title: exp.article.title,
        publishedAt: exp.article.publishedAt,
        paragraphs: exp.article.paragraphs,
      });
      for (const s of exp.article.textIncludes) expect(a.text).toContain(s);
      for (const s of exp.article.textExcludes) expect(a.text).not.toContain(s);
    }
    expect(out.mentions.map(comparableMention)).toEqual(exp.mentions);
    expect(out.figures).toEqual(exp.figures);
  });
});
