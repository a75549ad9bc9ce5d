import type { ArticleCharge, SentenceTerm } from '../../scrapers/news/types.js';

/** What a news mention says, as far as linking needs it. */
export interface MentionFacts {
  court: string | null;
  articles: readonly ArticleCharge[];
  sentence: SentenceTerm | null;
  /** ISO date of the verdict the text reports. */
  date: string | null;
}

/** A stored case, as far as linking needs it. */
export interface CaseFacts {
  courtCode: string;
  decidedOn: string | null;
  /** Case outcome, or any defendant's: true convicted, false not, null unknown. */
  convicted: boolean | null;
  /** (article, part) charged; part '' = charged without a part. */
  charges: readonly { article: string; part: string }[];
  /** Published results of the defendants, joined («Лишение свободы условно»); '' when none. */
  results: string;
}

export interface LinkScore {
  /** 0..1: court (0.35) + article (≤ 0.3) + date proximity (≤ 0.25) + sentence plausibility (≤ 0.1). */
  confidence: number;
  dateGapDays: number;
  reasons: { court: number; article: number; date: number; sentence: number; notes: string[] };
}

/**
 * Longest term the article (or its part) allows, in years: a sentence beyond it is implausible for
 * that case (a cumulative sentence can exceed it, so this only lowers the score).
 */
const MAX_YEARS: Record<string, number> = {
  '337': 10, '337|1': 1, '337|2': 2, '337|2.1': 5, '337|3': 5, '337|3.1': 7, '337|4': 7, '337|5': 10,
  '338': 15, '332': 5, '339': 10, '328': 2, '334': 10, '335': 10,
};

const PUNISHMENT = /лишени|штраф|условн|колони|дисциплинарн/iu;
const DAY_MS = 86_400_000;

/**
 * How well a news mention fits a stored case. Null when they cannot be the same verdict: another
 * court, no date on either side, decided further apart than `windowDays`, or none of the
 * mention's articles charged in the case.
 */
export function scoreLink(m: MentionFacts, c: CaseFacts, windowDays: number): LinkScore | null {
  if (!m.court || m.court !== c.courtCode || !m.date || !c.decidedOn) return null;
  const gap = Math.round(Math.abs(Date.parse(`${m.date}T00:00:00Z`) - Date.parse(`${c.decidedOn}T00:00:00Z`)) / DAY_MS);
  if (!(gap <= windowDays)) return null;
  const notes: string[] = [];

  let article = 0.1;
  let matched: { article: string; part: string | null } | null = null;
  if (m.articles.length === 0) notes.push('the text names no article');
  else {
    article = -1;
    for (const a of m.articles) {
      for (const ch of c.charges) {
        if (ch.article !== a.article) continue;
        const s = a.part === null || ch.part === '' ? 0.2 : a.part === ch.part ? 0.3 : 0.05;
        if (s > article) {
          article = s;
          matched = { article: a.article, part: a.part ?? (ch.part || null) };
        }
      }
    }
    if (article < 0) return null;
    if (article === 0.05) notes.push('the part differs');
  }

  const date = 0.25 * (1 - gap / (windowDays + 1));
  if (gap > 0) notes.push(`decided ${gap} day(s) from the date in the text`);

  let sentence = 0.05;
  if (m.sentence) {
    sentence = 0.1;
    const term = m.sentence.years + m.sentence.months / 12;
    const max = matched ? (MAX_YEARS[`${matched.article}|${matched.part}`] ?? MAX_YEARS[matched.article]) : undefined;
    if (c.convicted === false) {
      sentence = 0;
      notes.push('the case did not end in a conviction');
    } else if (max !== undefined && term > max) {
      sentence = 0.02;
      notes.push(`a term of ${term} years exceeds the ${max} the article allows`);
    } else if (PUNISHMENT.test(c.results)) {
      const suspendedOnSite = /условн/iu.test(c.results);
      if (suspendedOnSite !== m.sentence.suspended) {
        sentence = 0.05;
        notes.push(suspendedOnSite ? 'the court site says suspended' : 'the court site does not say suspended');
      }
    }
  }
  const confidence = Math.round((0.35 + article + date + sentence) * 1000) / 1000;
  return { confidence, dateGapDays: gap, reasons: { court: 0.35, article, date: round(date), sentence, notes } };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
