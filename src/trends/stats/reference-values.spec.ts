import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { earsC, type EarsMethod } from '../../alerts/ears.js';
import { addDays } from '../../common/iso-week.js';
import { checkClaim } from './claim-check.js';
import { garwoodInterval } from './garwood-interval.js';
import { mannKendall } from './mann-kendall.js';
import { senSlope } from './sen-slope.js';

// Reference outputs of R surveillance::earsC and SciPy (shared/reference/stats/README.md).
interface EarsReference {
  alpha: number;
  baseline: number;
  firstWeek: number;
  upperbound: number[];
  alarmWeeks: number[];
}
interface ReferenceSeries {
  id: string;
  kind: string;
  counts: number[];
  earsC1: EarsReference;
  earsC2: EarsReference;
  earsC3: EarsReference;
  weeks: number;
  total: number;
  meanPerWeek: number;
  garwood95: [number, number];
  garwood90: [number, number];
  mannKendall: { S: number; varS: number; Z: number; pTwoSided: number };
  senSlopePerWeek: number;
}

const TOLERANCE = 1e-6;

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the spec');
    dir = parent;
  }
  return dir;
}

const referencePath = resolve(repoRoot(), '../shared/reference/stats/weekly-series.json');
const present = existsSync(referencePath);
if (!present) console.warn(`SKIPPED: statistics reference file not found at ${referencePath}`);
const series: ReferenceSeries[] = present ? JSON.parse(readFileSync(referencePath, 'utf8')).series : [];

function expectClose(actual: number | null, expected: number, what: string): void {
  if (actual === null || !(Math.abs(actual - expected) <= TOLERANCE)) {
    throw new Error(`${what}: got ${actual}, reference ${expected} (difference ${actual === null ? 'n/a' : Math.abs(actual - expected)})`);
  }
}

(present ? describe : describe.skip)('statistics against the R/SciPy reference values', () => {
  it('has series to check', () => {
    expect(series.length).toBeGreaterThan(0);
  });

  describe.each(series.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    it.each(['C1', 'C2', 'C3'] as const)('EARS %s thresholds agree to 1e-6 and alarm weeks exactly', (method: EarsMethod) => {
      const ref = s[`ears${method}`];
      const got = earsC(s.counts, { method, baseline: ref.baseline, alpha: ref.alpha });
      expect(got.firstWeek).toBe(ref.firstWeek);
      expect(got.upperbound).toHaveLength(ref.upperbound.length);
      got.upperbound.forEach((u, i) => expectClose(u, ref.upperbound[i], `${s.id} ${method} upperbound for week ${ref.firstWeek + i}`));
      expect(got.alarmWeeks).toEqual(ref.alarmWeeks);
    });

    it('EARS defaults (baseline 7, alpha 0.001 / 0.025) are the reference settings', () => {
      for (const method of ['C1', 'C2', 'C3'] as const) {
        expect(earsC(s.counts, { method }).alarmWeeks).toEqual(s[`ears${method}`].alarmWeeks);
      }
    });

    it('Garwood intervals, Mann-Kendall and Sen slope agree to 1e-6', () => {
      const total = s.counts.reduce((a, b) => a + b, 0);
      const g90 = garwoodInterval(total, s.counts.length, 0.9);
      const g95 = garwoodInterval(total, s.counts.length, 0.95);
      [0, 1].forEach((i) => {
        expectClose(g90[i], s.garwood90[i], `${s.id} garwood90[${i}]`);
        expectClose(g95[i], s.garwood95[i], `${s.id} garwood95[${i}]`);
      });
      const mk = mannKendall(s.counts);
      expect(mk.S).toBe(s.mannKendall.S);
      expectClose(mk.varS, s.mannKendall.varS, `${s.id} varS`);
      expectClose(mk.Z, s.mannKendall.Z, `${s.id} Z`);
      expectClose(mk.pTwoSided, s.mannKendall.pTwoSided, `${s.id} pTwoSided`);
      expectClose(senSlope(s.counts), s.senSlopePerWeek, `${s.id} Sen slope`);
    });

    it('checkClaim reports the same figures for the series as weekly rows', () => {
      const rows = s.counts.map((count, i) => ({ week: addDays('2023-01-02', 7 * i), count }));
      const got = checkClaim({ rows, expected: { value: s.meanPerWeek, per: 'week' } });
      expect(got.weeks).toBe(s.weeks);
      expect(got.total).toBe(s.total);
      expectClose(got.meanPerWeek, s.meanPerWeek, `${s.id} meanPerWeek`);
      [0, 1].forEach((i) => {
        expectClose(got.garwood90[i], s.garwood90[i], `${s.id} checkClaim garwood90[${i}]`);
        expectClose(got.garwood95[i], s.garwood95[i], `${s.id} checkClaim garwood95[${i}]`);
      });
      expect(got.mannKendall.S).toBe(s.mannKendall.S);
      expectClose(got.mannKendall.varS, s.mannKendall.varS, `${s.id} checkClaim varS`);
      expectClose(got.mannKendall.Z, s.mannKendall.Z, `${s.id} checkClaim Z`);
      expectClose(got.mannKendall.pTwoSided, s.mannKendall.pTwoSided, `${s.id} checkClaim pTwoSided`);
      expectClose(got.senSlopePerWeek, s.senSlopePerWeek, `${s.id} checkClaim Sen slope`);
    });
  });
});
