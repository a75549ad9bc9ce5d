import { describe, expect, it } from '@jest/globals';
import type { AlertView } from './alert-view.js';
import { isoWeekLabel, sparkline } from './email-parts.js';
import { renderOpsEmail } from './ops-email.js';
import { renderSpikeEmail } from './spike-email.js';

const history = Array.from({ length: 12 }, (_, i) => ({
  week: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10),
  count: i === 11 ? 60 : 9 + (i % 4),
}));

const spike: AlertView = {
  id: '1',
  kind: 'spike',
  reason: 'ears',
  filters: { series: 'convicted', article: '337', part: '5', court: null, level: 'garrison' },
  court: null,
  courtName: null,
  week: '2026-03-23',
  observed: 60,
  threshold: 15.3456,
  method: 'C2',
  coverage: 0.95,
  detail: null,
  history,
  detectedAt: '2026-04-27T06:00:00.000Z',
  sentAt: null,
};

const links = { unsubscribe: 'https://vw.test/api/alert-subscriptions/unsubscribe?token=abc', manage: 'https://vw.test/api/alert-subscriptions/manage?token=abc' };

describe('alert emails', () => {
  it('labels ISO weeks, including the ones that belong to the previous or next year', () => {
    expect(isoWeekLabel('2026-03-23')).toBe('2026-W13');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(isoWeekLabel('2021-01-04')).toBe('2021-W01');
    expect(isoWeekLabel('2020-12-28')).toBe('2020-W53');
  });

  it('draws a sparkline scaled to the largest week', () => {
    expect(sparkline([{ week: 'a', count: 0 }, { week: 'b', count: 5 }, { week: 'c', count: 10 }])).toBe('▁▅█');
  });

  it('says the week, observed vs threshold, twelve weeks and the links, in text and HTML', () => {
    const m = renderSpikeEmail([spike], { publicUrl: 'https://vw.test', links });
    expect(m.subject).toBe('[verdict-watch] Spike in 2026-W13: 60 (threshold 15.3) — Art. 337 part 5, convictions, garrison courts');
    expect(m.text).toContain('Week 2026-W13 (2026-03-23 to 2026-03-29): 60 observed, threshold 15.3 (EARS C2).');
    expect(m.text).toContain('Coverage of that week: 95%');
    expect(m.text.split('\n').filter((l) => /^\s+\d{4}-W\d\d\s/.test(l))).toHaveLength(12);
    expect(m.text).toContain('https://vw.test/?series=convicted&article=337&part=5&level=garrison&from=2026-01-05&to=2026-03-29');
    expect(m.text).toContain('https://vw.test/api/cases.csv?series=convicted&article=337&part=5&level=garrison&from=2026-03-23&to=2026-03-29');
    expect(m.text).toContain(links.unsubscribe);
    expect(m.html).toContain('<b>60</b> observed');
    expect(m.html).toContain('&amp;part=5');
    expect(m.headers['List-Unsubscribe']).toBe(`<${links.unsubscribe}>`);
  });

  it('groups several spikes into one email, and caps digests with a link to the rest', () => {
    const two = renderSpikeEmail([spike, { ...spike, id: '2', week: '2026-03-30' }], { publicUrl: 'https://vw.test', links });
    expect(two.subject).toMatch(/^\[verdict-watch\] 2 spikes — /);
    const digest = renderSpikeEmail([spike], { publicUrl: 'https://vw.test', links, digest: 'weekly', more: 3 });
    expect(digest.subject).toMatch(/Weekly digest: 4 spikes/);
    expect(digest.text).toContain('3 more not shown: https://vw.test/api/alerts?');
  });

  it('tells the operators why a spike was held back, and which courts are in trouble', () => {
    const held: AlertView = { ...spike, kind: 'data', reason: 'inhibited', detail: 'coverage 50% (1 of 2 courts) is below 80%' };
    const blocked: AlertView = { ...spike, kind: 'data', reason: 'court-blocked', filters: null, week: null, court: '63GV0001', courtName: 'Самарский гарнизонный военный суд', detail: 'the last crawl ended blocked' };
    const m = renderOpsEmail([held, blocked], { publicUrl: 'https://vw.test' });
    expect(m.subject).toBe('[verdict-watch ops] 2 data alerts (inhibited, court-blocked)');
    expect(m.text).toContain('No spike email was sent because coverage 50% (1 of 2 courts) is below 80%.');
    expect(m.text).toContain('Самарский гарнизонный военный суд (63GV0001): the last crawl ended blocked');
  });
});
