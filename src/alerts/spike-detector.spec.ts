import { describe, expect, it } from '@jest/globals';
import { earsC } from './ears.js';
import type { SeriesSnapshot } from './series-reader.js';
import { detectSpikes } from './spike-detector.js';
import { inhibitionOf } from './spike-inhibition.js';

const counts = [10, 12, 9, 11, 13, 10, 12, 11, 10, 12, 11, 9, 40];
const weeks = counts.map((_, i) => `w${i + 1}`);

describe('detectSpikes', () => {
  it('gives each judged week the threshold earsC computed for it, and its alarm', () => {
    const r = earsC(counts, { method: 'C2' });
    const judged = detectSpikes(weeks, counts, 'C2', 10);
    expect(judged.map((j) => j.week)).toEqual(['w11', 'w12', 'w13']);
    expect(judged.map((j) => j.threshold)).toEqual(r.upperbound.slice(11 - r.firstWeek));
    expect(judged.map((j) => j.alarm)).toEqual([false, false, true]);
  });

  it('leaves out weeks before the method can judge them', () => {
    expect(detectSpikes(weeks, counts, 'C3', 0).map((j) => j.index)[0]).toBe(11);
  });

  it('floors the baseline spread with minSigma, so one case after quiet weeks is no spike', () => {
    const sparse = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const w = sparse.map((_, i) => `w${i}`);
    expect(detectSpikes(w, sparse, 'C1', 9)[0].alarm).toBe(true); // R's default minSigma 0
    expect(detectSpikes(w, sparse, 'C1', 9, 1)[0].alarm).toBe(false);
  });
});

describe('inhibitionOf', () => {
  const snap = (covered: number, broken: SeriesSnapshot['broken'] = []): SeriesSnapshot => ({
    weeks: ['w1'], counts: [5], covered: [covered], expected: 4, broken,
  });

  it('trusts a well covered week with no court in trouble', () => {
    expect(inhibitionOf(snap(4), 0, 0.8)).toBeNull();
  });

  it('holds back a week below the coverage threshold, or with a court in trouble', () => {
    expect(inhibitionOf(snap(3), 0, 0.8)).toBe('coverage 75% (3 of 4 courts) is below 80%');
    expect(inhibitionOf(snap(4, [{ code: '63GV0001', why: 'waits for a captcha' }]), 0, 0.8)).toBe(
      'courts in trouble: 63GV0001 waits for a captcha',
    );
  });

  it('holds back a filter no court is expected for', () => {
    expect(inhibitionOf({ ...snap(0), expected: 0 }, 0, 0.8)).toMatch(/no enabled court/);
  });
});
