import type { NewsFeedSource } from './types.js';

/**
 * The feeds the field reads (issue 7; URLs from research/court-sites.md §4). Adding an outlet is
 * one line here (plus, when its article pages need them, selectors in outlet-selectors.ts).
 */
export const newsFeeds: readonly NewsFeedSource[] = [
  { key: 'zona-media', outlet: 'Mediazona', url: 'https://zona.media/rss', lang: 'ru' },
  { key: 'zona-media-en', outlet: 'Mediazona', url: 'https://en.zona.media/rss', lang: 'en' },
  { key: 'ovd-info', outlet: 'OVD-Info', url: 'https://ovd.info/rss.xml', lang: 'ru' },
  { key: 'meduza', outlet: 'Meduza', url: 'https://meduza.io/rss/all', lang: 'ru' },
  { key: 'novayagazeta-eu', outlet: 'Novaya Gazeta Europe', url: 'https://novayagazeta.eu/feed/rss', lang: 'ru' },
  { key: 'verstka', outlet: 'Verstka', url: 'https://verstka.media/feed', lang: 'ru' },
  { key: 'vot-tak', outlet: 'Vot Tak', url: 'https://vot-tak.tv/rss', lang: 'ru' },
  { key: 'currenttime', outlet: 'Current Time', url: 'https://www.currenttime.tv/api/zgbip_l-vomx-tpe-v_py', lang: 'ru' },
  { key: 'theins', outlet: 'The Insider', url: 'https://theins.ru/feed', lang: 'ru' },
  { key: 'sotavision', outlet: 'SOTAvision', url: 'https://sotavision.world/feed', lang: 'ru' },
];
