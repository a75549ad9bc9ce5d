import { parseArticles } from './articles.js';
import type { ArticleRef, Defendant } from './types.js';

const FIRST_ARTICLE = /(?:^|[^а-яёa-z])ст(?:атья|атьи|\.)?\s*\d/iu;
const NAME_LIKE = /^[А-ЯЁ][А-ЯЁа-яё-]+(?:\s+[А-ЯЁ][а-яё-]*\.?){0,3}\s*[А-ЯЁ]?\.?$/u;

function addArticles(d: Defendant, refs: ArticleRef[]): void {
  for (const r of refs)
    if (!d.articles.some((a) => a.article === r.article && a.part === r.part && a.point === r.point)) d.articles.push(r);
}

/**
 * Defendants in a listing's info column: one line per defendant, the name before the first
 * article (`Иванов И.И. - ст.337 ч.5 УК РФ`). A line of articles only continues the previous
 * defendant, or belongs to a name alone on the line before it. Lines without articles
 * (category, first-instance court) are not defendants.
 */
export function parseDefendantsText(info: string): Defendant[] {
  const out: Defendant[] = [];
  let pendingName: string | null = null;
  for (const line of info.split('\n')) {
    const refs = parseArticles(line);
    if (refs.length === 0) {
      pendingName = NAME_LIKE.test(line.trim()) ? line.trim() : null;
      continue;
    }
    const at = FIRST_ARTICLE.exec(line)?.index ?? 0;
    const name = line
      .slice(0, at)
      .replace(/[\s\-–—:,;(]+$/u, '')
      .replace(/^(?:подсудим\S*|обвиняем\S*|осужд\S*)\s*[:\-–—]?\s*/iu, '')
      .trim();
    const last = out[out.length - 1];
    if (!name && !pendingName && last) {
      addArticles(last, refs);
      continue;
    }
    const d: Defendant = { name: name || pendingName, articles: [], decidedOn: null, result: null, outcome: null };
    addArticles(d, refs);
    out.push(d);
    pendingName = null;
  }
  return out;
}
