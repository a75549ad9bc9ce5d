import { describe, expect, it } from '@jest/globals';
import type { Court } from '../../scrapers/sudrf/types.js';
import { planSearches } from './crawl-planner.js';

const garrison: Court = { code: '99GV0001', name: 'Тестовый гарнизонный военный суд', level: 'garrison', hosts: ['x'], region: '99', captcha: false, form: 'primary' };

describe('planSearches', () => {
  const opts = { from: '2023-01-04', to: '2023-02-15', slot: 's1', windowWeeks: 4, articles: ['337', '338'], appeals: true };

  it('covers exactly the period with windows of ISO weeks, per date field and article', () => {
    const plan = planSearches(garrison, opts);
    const windows = [...new Set(plan.map((p) => `${p.windowFrom}..${p.windowTo}`))];
    expect(windows).toEqual(['2023-01-04..2023-01-29', '2023-01-30..2023-02-15']);
    expect(plan).toHaveLength(2 * 2 * 2);
    expect(new Set(plan.map((p) => p.runId)).size).toBe(plan.length);
  });

  it('adds appeal searches at okrug courts only when asked', () => {
    const okrug: Court = { ...garrison, code: '99OV0000', level: 'okrug' };
    expect(planSearches(okrug, opts).filter((p) => p.instance === 'appeal')).toHaveLength(2 * 2);
    expect(planSearches(okrug, { ...opts, appeals: false }).every((p) => p.instance === 'first')).toBe(true);
  });
});
