// The contract between the news parsers (feeds, article pages, mention extraction) and the rest
// of verdict-watch. Everything here is plain data: no Nest, no I/O. Timestamps are ISO 8601 in
// UTC (`2026-05-12T09:30:00.000Z`); calendar dates are ISO dates (`2026-05-12`).

export interface FeedItem {
  /** The item's stable id: RSS <guid>, Atom <id>, else its link, else a hash of title and date. */
  guid: string;
  /** Absolute link to the article page (resolved against the feed URL), null when the item has none. */
  url: string | null;
  title: string;
  /** ISO timestamp (UTC) of pubDate / published / updated; null when absent or unparseable. */
  publishedAt: string | null;
  /** Plain text of <description> / <summary> (HTML stripped), '' when absent. */
  summary: string;
  /** Plain text of <content:encoded> / Atom <content>, null when absent. */
  content: string | null;
  /** <category> texts / Atom category terms. */
  categories: string[];
}

export interface Feed {
  format: 'rss' | 'atom';
  title: string;
  /** The site link the feed declares (absolute), null when absent. */
  link: string | null;
  items: FeedItem[];
}

/** A configured news feed; adding an outlet is one entry in `newsFeeds`. */
export interface NewsFeedSource {
  /** Stable key, used in source names and job ids: `news:<key>`. */
  key: string;
  outlet: string;
  url: string;
  lang: 'ru' | 'en';
}

export interface RelevanceInput {
  title: string;
  summary?: string | null;
  content?: string | null;
  categories?: readonly string[];
}

export interface Relevance {
  relevant: boolean;
  score: number;
  /** Canonical labels of the matched terms, strongest first, e.g. ['ст. 337', 'гарнизонный военный суд']. */
  terms: string[];
}

export interface ArticleText {
  url: string;
  /** Outlet key from `outletSelectors` (e.g. 'zona.media'), null when the generic fallback was used. */
  outlet: string | null;
  /** How the body was found: an outlet selector, the generic article/main container, or the largest text block. */
  extractedBy: 'outlet' | 'article' | 'largest-block';
  title: string | null;
  /** From article:published_time, <time datetime>, JSON-LD datePublished; ISO timestamp (UTC) or null. */
  publishedAt: string | null;
  /** Body paragraphs, boilerplate removed. */
  paragraphs: string[];
  /** Paragraphs joined with blank lines: the input of `extractMentions`. */
  text: string;
}

export interface ArticleCharge {
  article: string; // '337', '337.1'
  part: string | null; // '5', '2.1'
}

export type CustodyRegime =
  | 'colony-settlement'
  | 'colony-general'
  | 'colony-strict'
  | 'colony-special'
  | 'disciplinary-unit'
  | 'prison';

export interface SentenceTerm {
  /** Whole years of the term (0 for a fine only). */
  years: number;
  /** Remaining months (0–11). */
  months: number;
  suspended: boolean;
  /** Fine in roubles, null when none. */
  fineRub: number | null;
  /** Where the term is served, when the text says so. */
  regime: CustodyRegime | null;
}

export interface NewsMention {
  /** Registry code (vnkod) of the court, null when the court is unnamed or not in the registry. */
  court: string | null;
  /** The court as the text writes it («Курским гарнизонным военным судом»), null when unnamed. */
  courtName: string | null;
  articles: ArticleCharge[];
  sentence: SentenceTerm | null;
  /** ISO date of the verdict when the text gives one (explicitly or relative to publishedAt). */
  date: string | null;
  /** The sentence of the text the mention is anchored on (for review; may contain personal names). */
  quote: string;
}

export type FigureUnit = 'per-week' | 'per-month' | 'per-working-day' | 'per-day' | 'total';

export interface PublishedFigure {
  value: number;
  unit: FigureUnit;
  /** What is counted, when the text says: sentences/verdicts, cases, or people. */
  counts: 'sentences' | 'cases' | 'people' | null;
  /** For a month figure, the month (`2024-03`) when it can be told. */
  period: string | null;
  /** The sentence of the text the figure was found in. */
  quote: string;
}

export interface MentionExtraction {
  mentions: NewsMention[];
  figures: PublishedFigure[];
}
