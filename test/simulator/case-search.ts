// What the site shows at a given day, and its search: date windows, article text by substring.
import type { SimCase, SimInstance } from './case-generator.js';

export const PAGE_SIZE = 25;

/** The case is on the site (received + publication lag has passed). */
export function isVisible(c: SimCase, nowDay: number): boolean {
  return c.receivedDay + c.lagDays <= nowDay;
}

/** The site shows the case's decision (date, result, act). */
export function decisionVisible(c: SimCase, nowDay: number): boolean {
  return c.decidedDay !== null && c.decidedDay + c.lagDays <= nowDay;
}

export function legalForceVisible(c: SimCase, nowDay: number): boolean {
  return decisionVisible(c, nowDay) && c.legalForceDay !== null && c.legalForceDay <= nowDay;
}

export interface DayRange {
  from?: number;
  to?: number;
}

export interface SearchCriteria {
  instance: SimInstance;
  /** The article field as typed, e.g. `337 ч.5`; matched as a substring of each defendant's article text. */
  article: string;
  entry: DayRange;
  result: DayRange;
  defendantResult: DayRange;
  validity: DayRange;
  caseNumber: string;
  name: string;
  uid: string;
}

function within(day: number | null, r: DayRange): boolean {
  if (r.from === undefined && r.to === undefined) return true;
  if (day === null) return false;
  return (r.from === undefined || day >= r.from) && (r.to === undefined || day <= r.to);
}

/** Matching visible cases, in case-number order (the order they are stored in). */
export function searchCases(cases: readonly SimCase[], q: SearchCriteria, nowDay: number): SimCase[] {
  const article = q.article.trim().toLowerCase();
  const name = q.name.trim().toLowerCase();
  const number = q.caseNumber.trim();
  const uid = q.uid.trim();
  const needsDecision = q.result.from !== undefined || q.result.to !== undefined || q.defendantResult.from !== undefined || q.defendantResult.to !== undefined;
  const needsForce = q.validity.from !== undefined || q.validity.to !== undefined;
  const out: SimCase[] = [];
  for (const c of cases) {
    if (!isVisible(c, nowDay)) continue;
    if (!within(c.receivedDay, q.entry)) continue;
    if (needsDecision) {
      if (!decisionVisible(c, nowDay)) continue;
      if (!within(c.decidedDay, q.result) || !within(c.decidedDay, q.defendantResult)) continue;
    }
    if (needsForce && (!legalForceVisible(c, nowDay) || !within(c.legalForceDay, q.validity))) continue;
    if (number && !c.number.includes(number)) continue;
    if (uid && c.judicialUid !== uid) continue;
    if (article && !c.defendants.some((d) => d.articlesText.toLowerCase().includes(article))) continue;
    if (name && !c.defendants.some((d) => d.name.toLowerCase().includes(name))) continue;
    out.push(c);
  }
  return out;
}
