import { addDays } from '../common/iso-week.js';
import { partName } from '../common/query-fields.js';
import type { WeeklyCountsQuery } from './weekly-counts-query.schema.js';
import type { WeeklyCountsGroupRow } from './weekly-counts-compact.sql.js';

const json = (v: string | null) => JSON.stringify(v);

function groupFields(g: WeeklyCountsGroupRow, groupBy: WeeklyCountsQuery['groupBy']): string {
  switch (groupBy) {
    case 'court':
      return `"court":${json(g.group_key)},"level":${json(g.level)},`;
    case 'level':
      return `"level":${json(g.group_key)},`;
    case 'part':
      return `"part":${json(partName(g.group_key))},`;
    default:
      return '';
  }
}

/**
 * The JSON text of the weekly-counts rows, one object per group and week, in group then week order:
 * `{ week, court? and level? | level? | part?, count, coveredCourts, expectedCourts, coverage, incomplete }`.
 * Written directly as text (a year of weeks for every court is ~6000 rows); court names go once into the
 * response's `courts`, not into every row, so the rows stay plain ASCII and half the size.
 */
export function renderWeeklyCountsRows(groups: WeeklyCountsGroupRow[], groupBy: WeeklyCountsQuery['groupBy']): string {
  if (!groups.length) return '[]';
  const weeks: string[] = [];
  for (let w = groups[0].lo; w <= groups[0].hi; w = addDays(w, 7)) weeks.push(w);
  const lag = groups[0].first_incomplete;
  const out: string[] = [];
  for (const g of groups) {
    const fields = groupFields(g, groupBy);
    for (let i = 0; i < weeks.length; i++) {
      const coverage = g.coverage[i];
      out.push(
        `{"week":"${weeks[i]}",${fields}"count":${g.counts[i]},"coveredCourts":${g.covered[i]},"expectedCourts":${g.expected},` +
          `"coverage":${coverage === null ? 'null' : coverage},"incomplete":${lag !== null && weeks[i] >= lag}}`,
      );
    }
  }
  return `[${out.join(',')}]`;
}
