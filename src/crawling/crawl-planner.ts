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
  windowFrom: string; // a Monday
  windowTo: string; // a Sunday
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
 * whole ISO weeks. A window spans several weeks because a garrison court sees a few cases a week, so one
 * 25-row page usually covers it; pagination follows the site's pager when it does not.
 */
export function planSearches(court: Court, o: PlanOptions): PlannedSearch[] {
  const out: PlannedSearch[] = [];
  const first = weekStart(o.from);
  const last = addDays(weekStart(o.to), 6);
  for (const instance of courtInstances(court).filter((i) => o.appeals || i === 'first')) {
    // Appeals are looked up by decision date only: they are kept for reference, not counted weekly.
    const fields: DateField[] = instance === 'first' ? ['decided', 'received'] : ['decided'];
    for (let w = first; w <= last; w = addDays(w, 7 * o.windowWeeks)) {
      const end = addDays(w, 7 * o.windowWeeks - 1);
      const windowTo = end < last ? end : last;
      for (const dateField of fields) {
        for (const article of o.articles) {
          const runId = [court.code, instance, dateField, article, w, windowTo, o.slot].join('|');
          out.push({ runId, court: court.code, instance, dateField, article, windowFrom: w, windowTo });
        }
      }
    }
  }
  return out;
}
