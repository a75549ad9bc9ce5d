import { describe, expect, it } from '@jest/globals';
import { NewsUrl } from './news-url.js';

describe('NewsUrl', () => {
  it('leaves URLs alone with the default template', () => {
    const u = new NewsUrl('https://{host}/');
    expect(u.toFetch('https://zona.media/rss')).toBe('https://zona.media/rss');
    expect(u.toPublished('https://zona.media/rss')).toBe('https://zona.media/rss');
  });

  it('sends every host to a mirror and maps the answer back', () => {
    const u = new NewsUrl('http://127.0.0.1:4010/news/{host}/');
    const fetched = u.toFetch('https://www.currenttime.tv/api/zgbip_l-vomx-tpe-v_py?x=1');
    expect(fetched).toBe('http://127.0.0.1:4010/news/www.currenttime.tv/api/zgbip_l-vomx-tpe-v_py?x=1');
    expect(u.toPublished(fetched)).toBe('https://www.currenttime.tv/api/zgbip_l-vomx-tpe-v_py?x=1');
    expect(u.toPublished('https://elsewhere.example/a')).toBe('https://elsewhere.example/a');
  });

  it('keys politeness by host', () => {
    expect(NewsUrl.hostKey('https://En.Zona.Media/rss')).toBe('en.zona.media');
  });
});
