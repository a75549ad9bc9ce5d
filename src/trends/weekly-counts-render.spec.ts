import { describe, expect, it } from '@jest/globals';
import type { WeeklyCountsGroupRow } from './weekly-counts-compact.sql.js';
import { renderWeeklyCountsRows } from './weekly-counts-render.js';

const group = (over: Partial<WeeklyCountsGroupRow>): WeeklyCountsGroupRow => ({
  group_key: '', court_name: null, level: null, expected: 2, lo: '2024-01-01', hi: '2024-01-15', first_incomplete: '2024-01-15',
  counts: [1, 0, 4], covered: [2, 1, 0], coverage: [1, 0.5, 0], ...over,
});

describe('renderWeeklyCountsRows', () => {
  it('writes one object per group and week, as JSON', () => {
    const text = renderWeeklyCountsRows([group({})], 'none');
    expect(JSON.parse(text)).toEqual([
      { week: '2024-01-01', count: 1, coveredCourts: 2, expectedCourts: 2, coverage: 1, incomplete: false },
      { week: '2024-01-08', count: 0, coveredCourts: 1, expectedCourts: 2, coverage: 0.5, incomplete: false },
      { week: '2024-01-15', count: 4, coveredCourts: 0, expectedCourts: 2, coverage: 0, incomplete: true },
    ]);
  });

  it('names the group in each row and escapes what needs it', () => {
    const rows = JSON.parse(
      renderWeeklyCountsRows(
        [group({ group_key: '63GV0001', court_name: 'Суд "1"', level: 'garrison', first_incomplete: null, expected: 0, coverage: [null, null, null] })],
        'court',
      ),
    );
    expect(rows[0]).toEqual({ week: '2024-01-01', court: '63GV0001', level: 'garrison', count: 1, coveredCourts: 2, expectedCourts: 0, coverage: null, incomplete: false });
    expect(JSON.parse(renderWeeklyCountsRows([group({ group_key: '*' }), group({ group_key: '2.1' })], 'part')).map((r: { part: string }) => r.part))
      .toEqual(['all', 'all', 'all', '2.1', '2.1', '2.1']);
  });

  it('renders no groups as an empty array', () => {
    expect(renderWeeklyCountsRows([], 'court')).toBe('[]');
  });
});
