import type { ArticleRef } from './types.js';

// `ст.337`, `ст. 337.1`, `статья 337`; the number is taken whole so that 337 never matches 337.1.
const ARTICLE = /(?:^|[^а-яёa-z])ст(?:атья|атьи|\.)?\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.]*\d)/giu;
const PART_AFTER = /^[\s,]*ч(?:асть|асти|\.)?\s*(\d{1,2}(?:\.\d{1,2})?)(?![\d.]*\d)/iu;
const POINT_AFTER = /^[\s,]*п(?:ункт|ункта|\.)?\s*[«"']?([а-яё])(?![а-яё])[»"']?/iu;
// Act texts write the other way round: «п. «б» ч. 2 ст. 173.1».
const PART_BEFORE = /ч(?:асть|асти|\.)?\s*(\d{1,2}(?:\.\d{1,2})?)[\s,]*$/iu;
const POINT_BEFORE = /п(?:ункт|ункта|\.)?\s*[«"']?([а-яё])[»"']?[\s,]*$/iu;
const OTHER_CODE = /^[\s,]*(?:УПК|КоАП|ГПК|КАС|АПК|ГК|НК|ТК|ЖК|СК)(?![а-яё])/iu;

/**
 * Criminal Code article references in a text such as `ст.337 ч.5 УК РФ`, `ст.337 ч.2.1`,
 * `ст. 337 ч. 3.1; ст.338 ч.2` or `ст.173.1 ч.2 п.б УК РФ`. References to other codes
 * (`ст. 25.1 УПК РФ`) are left out; repeated references are listed once.
 */
export function parseArticles(text: string | null | undefined): ArticleRef[] {
  if (!text) return [];
  const refs: ArticleRef[] = [];
  const seen = new Set<string>();
  const matches = [...text.matchAll(ARTICLE)];
  let prevEnd = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const start = m.index! + m[0].length - m[0].trimStart().length;
    const end = m.index! + m[0].length;
    const nextStart = matches[i + 1]?.index ?? text.length;
    let rest = text.slice(end, nextStart);
    let part: string | null = null;
    let point: string | null = null;
    const restLength = rest.length;
    const pm = PART_AFTER.exec(rest);
    if (pm) {
      part = pm[1]!;
      rest = rest.slice(pm[0].length);
    }
    const qm = POINT_AFTER.exec(rest);
    if (qm) {
      point = qm[1]!.toLowerCase();
      rest = rest.slice(qm[0].length);
    }
    if (part === null && point === null) {
      let before = text.slice(prevEnd, start);
      const bp = PART_BEFORE.exec(before);
      if (bp) {
        part = bp[1]!;
        before = before.slice(0, bp.index);
      }
      const bq = POINT_BEFORE.exec(before);
      if (bq && part !== null) point = bq[1]!.toLowerCase();
    }
    prevEnd = end + (restLength - rest.length);
    if (OTHER_CODE.test(rest)) continue;
    const ref: ArticleRef = { article: m[1]!, part, point };
    const key = `${ref.article}|${ref.part}|${ref.point}`;
    if (!seen.has(key)) {
      seen.add(key);
      refs.push(ref);
    }
  }
  return refs;
}

/** Whether a reference is to `article` (exactly: 337 is not 337.1) and, when given, to `part`. */
export function isArticle(ref: ArticleRef, article: string, part?: string): boolean {
  return ref.article === article && (part === undefined || ref.part === part);
}
