import { describe, expect, it } from '@jest/globals';
import { newsFeeds } from './news-feeds.js';
import { outletFor } from './outlet-selectors.js';

describe('newsFeeds', () => {
  it('has unique keys and absolute https URLs', () => {
    expect(new Set(newsFeeds.map((f) => f.key)).size).toBe(newsFeeds.length);
    for (const f of newsFeeds) expect(new URL(f.url).protocol).toBe('https:');
  });

  it('has article selectors for every configured outlet', () => {
    for (const f of newsFeeds) expect([f.key, outletFor(f.url)?.outlet ?? null]).not.toEqual([f.key, null]);
  });
});
