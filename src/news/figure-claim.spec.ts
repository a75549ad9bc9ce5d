import { describe, expect, it } from '@jest/globals';
import { claimInputFor, type FigureSource } from './figure-claim.js';

const base: FigureSource = {
  id: '7',
  value: 912,
  unit: 'per-month',
  counts: 'sentences',
  period: '2026-03',
  quote: 'В марте 2026 года суды вынесли 912 приговоров по статье 338.',
  url: 'https://meduza.io/feature/2026/04/12/sto-prigovorov-v-nedelyu',
  feedUrl: 'https://meduza.io/rss/all',
  outlet: 'Meduza',
  publishedAt: '2026-04-12T09:00:00.000Z',
};

describe('claimInputFor', () => {
  it('turns a month figure into a per-month claim over that month', () => {
    expect(claimInputFor(base, {})).toMatchObject({
      statement: base.quote,
      sourceUrl: base.url,
      sourceName: 'Meduza',
      publishedOn: '2026-04-12',
      series: 'convicted',
      article: '338',
      part: 'all',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      expectedUnit: 'per-month',
      expected: 912,
    });
  });

  it('makes weekly rates of daily ones, and a received series of case counts', () => {
    const daily = claimInputFor({ ...base, unit: 'per-working-day', value: 34, period: null, counts: 'cases', quote: 'По 34 дела в рабочий день.' }, {});
    expect(daily).toMatchObject({ expectedUnit: 'per-week', expected: 170, series: 'received', article: '337', periodFrom: undefined });
    expect(claimInputFor({ ...base, unit: 'per-day', value: 5 }, {})).toMatchObject({ expectedUnit: 'per-week', expected: 35 });
    expect(claimInputFor({ ...base, unit: 'total', value: 20000 }, {})).toMatchObject({ expectedUnit: 'period-total', expected: 20000 });
  });

  it('lets the admin say what the figure does not', () => {
    const x = claimInputFor({ ...base, period: null }, { periodFrom: '2023-06-05', periodTo: '2023-07-30', article: '337', part: '5', tolerance: 0.1 });
    expect(x).toMatchObject({ periodFrom: '2023-06-05', periodTo: '2023-07-30', article: '337', part: '5', tolerance: 0.1 });
  });
});
