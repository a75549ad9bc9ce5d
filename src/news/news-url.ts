/**
 * Where a news URL is fetched from. NEWS_BASE_URL (`https://{host}/` by default) says where a
 * host lives: `http://127.0.0.1:4010/news/{host}/` sends `https://zona.media/rss` to
 * `http://127.0.0.1:4010/news/zona.media/rss`. Everything else (outlet selectors, rate-limit keys,
 * stored URLs) keeps the URL as published.
 */
export class NewsUrl {
  private readonly back: RegExp | null;

  constructor(private readonly template: string) {
    const [before, after] = template.split('{host}') as [string, string];
    this.back = template === 'https://{host}/' ? null : new RegExp(`^${escape(before)}([^/?#]+)${escape(after)}(.*)$`, 'u');
  }

  /** The URL to request for a published URL. */
  toFetch(published: string): string {
    const u = new URL(published);
    if (!this.back) return u.toString();
    return this.template.replace('{host}', u.host) + `${u.pathname.slice(1)}${u.search}`;
  }

  /** The published URL for a fetched one (after a redirect); other URLs are returned as they are. */
  toPublished(fetched: string): string {
    const m = this.back?.exec(fetched);
    return m ? `https://${m[1]}/${m[2]}` : fetched;
  }

  /** The politeness key of a published URL: its host (`zona.media`, `www.currenttime.tv`). */
  static hostKey(published: string): string {
    return new URL(published).hostname.toLowerCase();
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
