import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../common/iso-week.js';
import { checkClaimCommand } from './check-claim.command.js';

const dir = mkdtempSync(join(tmpdir(), 'verdict-watch-check-claim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, counts: number[], extra = ''): string {
  const file = join(dir, name);
  writeFileSync(file, 'week,count\n' + counts.map((c, i) => `${addDays('2023-06-05', 7 * i)},${c}`).join('\n') + '\n' + extra);
  return file;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await checkClaimCommand(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const ABOUT_100 = [97, 104, 99, 101, 95, 103, 100, 98, 105, 96, 102, 100, 100];

describe('check-claim command', () => {
  it('prints one JSON object with the figures and the verdict', async () => {
    const { code, out, err } = await run(['--series', csv('about-100.csv', ABOUT_100), '--expected', '100']);
    expect([code, err]).toEqual([0, '']);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ weeks: 13, total: 1300, meanPerWeek: 100, verdict: 'supported' });
    for (const key of ['garwood90', 'garwood95', 'dispersion', 'mannKendall', 'senSlopePerWeek', 'weeksUsed']) expect(result).toHaveProperty(key);
    expect(result.garwood95[0]).toBeCloseTo(94.63725867131812, 9);
    expect(Object.keys(result.mannKendall).sort()).toEqual(['S', 'Z', 'pTwoSided', 'varS']);
  });

  it('leaves out the last --lag weeks and honours --tolerance and --per', async () => {
    const file = csv('lagged.csv', [...ABOUT_100, 30, 5]);
    const all = JSON.parse((await run(['--series', file, '--expected', '100'])).out);
    expect(all.weeks).toBe(15);
    expect(all.verdict).not.toBe('supported');
    const lagged = JSON.parse((await run(['--series', file, '--expected=100', '--lag', '2'])).out);
    expect([lagged.weeks, lagged.total, lagged.verdict]).toEqual([13, 1300, 'supported']);
    const tight = JSON.parse((await run(['--series', file, '--expected', '100', '--lag', '2', '--tolerance', '0.02'])).out);
    expect(tight.verdict).toBe('inconclusive');
    const monthly = JSON.parse((await run(['--series', file, '--expected', '434.8', '--per', 'month', '--lag', '2'])).out);
    expect(monthly.verdict).toBe('supported');
  });

  it('exits 2 naming the line of a malformed file, printing nothing on stdout', async () => {
    const file = csv('bad.csv', [1, 2], '2023-06-20,3\n');
    const { code, out, err } = await run(['--series', file, '--expected', '2']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/line 4: week 2023-06-20 is a Tuesday, not a Monday/);
  });

  it.each([
    [['--expected', '100'], /--series is missing/],
    [['--series', 'x.csv'], /--expected is missing/],
    [['--series', 'x.csv', '--expected', 'many'], /--expected must be/],
    [['--series', 'x.csv', '--expected', '100', '--lag', '1.5'], /--lag must be/],
    [['--series', 'x.csv', '--expected', '100', '--per', 'day'], /--per must be/],
    [['--series', 'x.csv', '--expected', '100', '--bogus'], /unknown option --bogus/],
    [['--series', join(tmpdir(), 'verdict-watch-no-such-file.csv'), '--expected', '100'], /cannot read .*ENOENT/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('exits 2 when the lag leaves no weeks', async () => {
    const { code, err } = await run(['--series', csv('short.csv', [5, 6]), '--expected', '5', '--lag', '2']);
    expect(code).toBe(2);
    expect(err).toMatch(/no weeks left/);
  });

  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const referencePath = resolve(root, '../shared/reference/stats/weekly-series.json');
  const reference: { id: string; counts: number[]; weeks: number; total: number; meanPerWeek: number; garwood90: number[]; garwood95: number[]; mannKendall: Record<string, number>; senSlopePerWeek: number }[] =
    existsSync(referencePath) ? JSON.parse(readFileSync(referencePath, 'utf8')).series : [];
  if (reference.length === 0) console.warn(`SKIPPED: reference series not found at ${referencePath}`);

  (reference.length > 0 ? it : it.skip)('matches the reference figures for every reference series read from CSV', async () => {
    for (const s of reference) {
      const { code, out } = await run(['--series', csv(`${s.id}.csv`, s.counts), '--expected', '1']);
      expect(code).toBe(0);
      const r = JSON.parse(out);
      expect([r.weeks, r.total]).toEqual([s.weeks, s.total]);
      const pairs: [number, number][] = [
        [r.meanPerWeek, s.meanPerWeek],
        [r.garwood90[0], s.garwood90[0]],
        [r.garwood90[1], s.garwood90[1]],
        [r.garwood95[0], s.garwood95[0]],
        [r.garwood95[1], s.garwood95[1]],
        [r.mannKendall.S, s.mannKendall.S],
        [r.mannKendall.varS, s.mannKendall.varS],
        [r.mannKendall.Z, s.mannKendall.Z],
        [r.mannKendall.pTwoSided, s.mannKendall.pTwoSided],
        [r.senSlopePerWeek, s.senSlopePerWeek],
      ];
      for (const [got, want] of pairs) expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6);
    }
  });
});
