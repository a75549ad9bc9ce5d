import { courtInstances } from '../../scrapers/sudrf/court-registry.js';
import type { Court, Instance } from '../../scrapers/sudrf/types.js';
import { addDays, weekStart } from '../common/iso-week.js';
import type { DateField } from './queue-names.js';

export interface PlannedSearch {
  runId: string;
  court: string;
  instance: Instance;
  dateField: DateField;
  article: string;
  windowFrom: string; // a Monday, or `from` when the period starts mid-week
  windowTo: string; // a Sunday, or `to` when the period ends mid-week
}

export interface PlanOptions {
  from: string;
  to: string;
  slot: string;
  windowWeeks: number;
  articles: readonly string[];
  appeals: boolean;
}

/**
 * The searches that cover [from, to] for one court: one per instance, date field, article and window of
 * ISO weeks (clipped to the period; only whole weeks count towards coverage). A window spans several weeks because a garrison court sees a few cases a week, so one
 * 25-row page usually covers it; pagination follows the site's pager when it does not.
 */
export function planSearches(court: Court, o: PlanOptions): PlannedSearch[] {
  const out: PlannedSearch[] = [];
  const first = weekStart(o.from);
  for (const instance of courtInstances(court).filter((i) => o.appeals || i === 'first')) {
    // Appeals are looked up by decision date only: they are kept for reference, not counted weekly.
    const fields: DateField[] = instance === 'first' ? ['decided', 'received'] : ['decided'];
    for (let w = first; w <= o.to; w = addDays(w, 7 * o.windowWeeks)) {
      // Windows follow ISO weeks but never reach outside the period asked for.
      const end = addDays(w, 7 * o.windowWeeks - 1);
      const windowFrom = w < o.from ? o.from : w;
      const windowTo = end < o.to ? end : o.to;
      for (const dateField of fields) {
        for (const article of o.articles) {
          const runId = [court.code, instance, dateField, article, windowFrom, windowTo, o.slot].join('|');
          out.push({ runId, court: court.code, instance, dateField, article, windowFrom, windowTo });
        }
      }
    }
  }
  return out;
}
