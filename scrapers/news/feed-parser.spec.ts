import { describe, expect, it } from '@jest/globals';
import { FeedParseError } from './feed-parse-error.js';
import { parseFeed, parseFeedDate } from './feed-parser.js';

const URL_ = 'https://example.org/feed';

describe('parseFeed', () => {
  it('reads RSS 2.0 with CDATA, content:encoded, relative links and a self atom:link', () => {
    const feed = parseFeed(
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel><atom:link href="https://example.org/feed" rel="self"/><title>T &amp; Co</title><link>/</link>
        <item><title><![CDATA[Суд <i>приговорил</i>]]></title><link>/news/1</link><guid isPermaLink="false">n-1</guid>
          <pubDate>Tue, 12 May 2026 10:00:00 MSK</pubDate>
          <description>&lt;p&gt;Кратко&lt;/p&gt;</description>
          <content:encoded><![CDATA[<p>Первый абзац.</p><p>Второй&nbsp;абзац.</p>]]></content:encoded></item>
        </channel></rss>`,
      URL_,
    );
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('T & Co');
    expect(feed.link).toBe('https://example.org/');
    expect(feed.items).toEqual([
      {
        guid: 'n-1',
        url: 'https://example.org/news/1',
        title: 'Суд приговорил',
        publishedAt: '2026-05-12T07:00:00.000Z',
        summary: 'Кратко',
        content: 'Первый абзац.\nВторой абзац.',
        categories: [],
      },
    ]);
  });

  it('uses a permalink guid as the URL and hashes title and date when there is neither guid nor link', () => {
    const feed = parseFeed(
      `<rss><channel><title>x</title>
        <item><title>a</title><guid>https://example.org/a</guid></item>
        <item><title>b</title><pubDate>Tue, 12 May 2026 10:00:00 GMT</pubDate></item></channel></rss>`,
      URL_,
    );
    expect(feed.items[0]).toMatchObject({ guid: 'https://example.org/a', url: 'https://example.org/a' });
    expect(feed.items[1]!.guid).toMatch(/^sha1:[0-9a-f]{40}$/u);
    expect(feed.items[1]!.url).toBeNull();
  });

  it('reads RSS 1.0 (RDF) items that sit next to the channel', () => {
    const feed = parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>R</title><link>https://example.org/</link></channel>
        <item><title>one</title><link>https://example.org/1</link><dc:date>2026-05-12T10:00:00+03:00</dc:date></item></rdf:RDF>`,
      URL_,
    );
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: 'one', publishedAt: '2026-05-12T07:00:00.000Z' });
  });

  it('tolerates unescaped HTML void elements (<br>, <img>) that sloppy feeds put in descriptions', () => {
    const feed = parseFeed('<rss><channel><title>x</title><item><title>a</title><description>one<br>two <img src="x.jpg"></description></item></channel></rss>', URL_);
    expect(feed.items[0]!.summary).toBe('one\ntwo');
  });

  it('gives an empty feed zero items, not an error', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>e</title></channel></rss>', URL_).items).toEqual([]);
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>e</title></feed>', URL_).items).toEqual([]);
  });

  it.each([
    ['', 'empty document'],
    ['   \n', 'empty document'],
    ['{"items": []}', 'a JSON document'],
    ['Service Unavailable', 'not XML'],
    ['<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body></body></html>', 'an HTML page, not a feed, titled "403 Forbidden"'],
    ['<html><body>x</body></html>', 'an HTML page'],
    ['<urlset><url><loc>https://example.org/</loc></url></urlset>', 'root element <urlset> is neither'],
    ['<rss version="2.0"><title>x</title></rss>', '<rss> has no <channel>'],
    ['<rss><channel><item><title>a</item></channel></rss>', 'malformed XML: <title> closed by </item> on line 1'],
    ['<rss><channel><item><title>a</title>', 'truncated or malformed XML: <item> is never closed'],
  ])('rejects %j with a clear FeedParseError', (doc, message) => {
    let error: unknown;
    try {
      parseFeed(doc, URL_);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as FeedParseError).message).toContain(message);
    expect((error as FeedParseError).message).toContain(URL_);
    expect((error as FeedParseError).feedUrl).toBe(URL_);
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Fri, 15 May 2026 12:30:00 +0300', '2026-05-15T09:30:00.000Z'],
    ['Fri, 15 May 2026 12:30:00 GMT', '2026-05-15T12:30:00.000Z'],
    ['Fri, 15 May 2026 12:30:00 MSK', '2026-05-15T09:30:00.000Z'],
    ['2026-05-15T12:30:00+03:00', '2026-05-15T09:30:00.000Z'],
    ['2026-05-15T12:30:00Z', '2026-05-15T12:30:00.000Z'],
    ['2026-05-15 12:30:00', '2026-05-15T12:30:00.000Z'],
    ['2026-05-15', '2026-05-15T00:00:00.000Z'],
    ['', null],
    ['вчера', null],
  ])('%j → %j', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });
});
