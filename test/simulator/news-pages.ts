// Article pages in the outlets' layouts (the containers scrapers/news/outlet-selectors.ts looks for),
// and RSS 2.0 / Atom feeds of stories.
import type { NewsStory } from './news-stories.js';

/** Where each outlet keeps the story, as in outlet-selectors.ts; other hosts get a plain <article>. */
const CONTAINERS: Record<string, readonly [open: string, close: string]> = {
  'zona.media': ['<div class="mz-publish__text">', '</div>'],
  'meduza.io': ['<div class="GeneralMaterial-module-article_sim">', '</div>'],
  'novayagazeta.eu': ['<div class="ArticleBody_sim">', '</div>'],
  'vot-tak.tv': ['<div class="article__body">', '</div>'],
  'currenttime.tv': ['<div id="article-content"><div class="wsw">', '</div></div>'],
  'sotavision.world': ['<div class="td-post-content">', '</div>'],
  'theins.ru': ['<div class="article__content">', '</div>'],
  'verstka.media': ['<div class="article__content">', '</div>'],
  'ovd.info': ['<div class="field--name-body">', '</div>'],
};

export function escapeXml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

function cdata(s: string): string {
  return `<![CDATA[${s.replace(/\]\]>/gu, ']]]]><![CDATA[>')}]]>`;
}

function container(host: string): readonly [string, string] {
  const key = Object.keys(CONTAINERS).find((h) => host === h || host.endsWith(`.${h}`));
  return key ? CONTAINERS[key]! : ['<div class="story">', '</div>'];
}

export function renderArticle(story: NewsStory): string {
  const [open, close] = container(story.host);
  const body = story.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n      ');
  const more = story.lang === 'en' ? 'Read also: how military courts work' : 'Читайте также: как устроены военные суды';
  return `<!DOCTYPE html>
<html lang="${story.lang}">
<head>
  <meta charset="utf-8">
  <title>${escapeXml(story.title)}</title>
  <meta property="og:title" content="${escapeXml(story.title)}">
  <meta property="article:published_time" content="${story.publishedAt}">
  <!-- verdict-watch news simulator: invented content about invented people -->
</head>
<body>
  <header><nav><a href="/">${escapeXml(story.host)}</a> <a href="/news">Новости</a></nav></header>
  <main>
    <article>
      <h1>${escapeXml(story.title)}</h1>
      ${open}
      ${body}
      <div class="read-also related"><p>${more}</p></div>
      ${close}
    </article>
  </main>
  <footer><p>© ${escapeXml(story.host)}</p></footer>
</body>
</html>
`;
}

export interface FeedChannel {
  title: string;
  link: string;
  selfUrl: string;
}

function rfc822(iso: string): string {
  // Moscow time, as Russian outlets write it: Tue, 14 Mar 2023 12:30:00 +0300.
  const d = new Date(Date.parse(iso) + 3 * 3_600_000);
  return d.toUTCString().replace('GMT', '+0300');
}

export function renderRss(channel: FeedChannel, stories: readonly NewsStory[]): string {
  const items = stories.map((s, i) => {
    const permalink = s.guid === s.url;
    const content = i % 2 === 0 && s.paragraphs.length ? `\n      <content:encoded>${cdata(`<p>${escapeXml(s.paragraphs[0]!)}</p>`)}</content:encoded>` : '';
    return `    <item>
      <title>${cdata(s.title)}</title>
      <link>${escapeXml(s.url)}</link>
      <guid isPermaLink="${permalink}">${escapeXml(s.guid)}</guid>
      <pubDate>${rfc822(s.publishedAt)}</pubDate>
      <description>${cdata(`<p>${escapeXml(s.summary)}</p>`)}</description>${content}
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
    <title>${cdata(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>verdict-watch news simulator (invented content)</description>
${items.join('\n')}
  </channel>
</rss>
`;
}

export function renderAtom(channel: FeedChannel, stories: readonly NewsStory[]): string {
  const updated = stories[0]?.publishedAt ?? '2023-01-01T00:00:00.000Z';
  const entries = stories.map(
    (s) => `  <entry>
    <id>${escapeXml(s.guid)}</id>
    <title type="text">${escapeXml(s.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(s.url)}"/>
    <published>${s.publishedAt}</published>
    <updated>${s.publishedAt}</updated>
    <summary type="html">${escapeXml(`<p>${escapeXml(s.summary)}</p>`)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(channel.selfUrl)}</id>
  <title>${escapeXml(channel.title)}</title>
  <link rel="self" href="${escapeXml(channel.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(channel.link)}"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}
