import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../common/iso-week.js';
import { spikesCommand } from './spikes.command.js';

const dir = mkdtempSync(join(tmpdir(), 'verdict-watch-spikes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, counts: number[], start = '2023-01-02'): string {
  const file = join(dir, name);
  writeFileSync(file, '\uFEFFweek,count\r\n' + counts.map((c, i) => `${addDays(start, 7 * i)},${c}`).join('\r\n') + '\r\n');
  return file;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await spikesCommand(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('spikes command', () => {
  it('prints method, firstWeek, upperbound and alarmWeeks (with their Mondays) as one JSON object', async () => {
    const counts = [4, 6, 4, 6, 4, 6, 4, 30, 5];
    const { code, out, err } = await run(['--series', csv('spike.csv', counts), '--method', 'C1']);
    expect([code, err]).toEqual([0, '']);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ method: 'C1', alpha: 0.001, baseline: 7, firstWeek: 8, alarmWeeks: [8], alarmDates: [addDays('2023-01-02', 49)] });
    expect(r.upperbound).toHaveLength(2);
  });

  it('exits 2 on a malformed line, an unknown method or a gap in the weeks', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'week,count\n2023-01-02,4\n2023-01-09,four\n');
    let r = await run(['--series', bad, '--method', 'C2']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/line 3: count "four"/);

    r = await run(['--series', csv('ok.csv', [1, 2, 3]), '--method', 'C4']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/--method must be C1, C2 or C3/);

    const gap = join(dir, 'gap.csv');
    writeFileSync(gap, 'week,count\n2023-01-02,4\n2023-01-16,5\n');
    r = await run(['--series', gap, '--method', 'C1']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/week 2023-01-09 is missing/);

    r = await run(['--method', 'C1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--series is missing/);
  });

  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const referencePath = resolve(root, '../shared/reference/stats/weekly-series.json');
  type Ears = { alpha: number; baseline: number; firstWeek: number; upperbound: number[]; alarmWeeks: number[] };
  const reference: ({ id: string; counts: number[] } & Record<string, Ears>)[] = existsSync(referencePath)
    ? JSON.parse(readFileSync(referencePath, 'utf8')).series
    : [];
  if (reference.length === 0) console.warn(`SKIPPED: reference series not found at ${referencePath}`);

  (reference.length > 0 ? it : it.skip)('matches surveillance::earsC on every reference series and method', async () => {
    for (const s of reference) {
      const file = csv(`${s.id}.csv`, s.counts);
      for (const method of ['C1', 'C2', 'C3']) {
        const ref = s[`ears${method}`];
        const { code, out } = await run(['--series', file, '--method', method]);
        expect(code).toBe(0);
        const r = JSON.parse(out);
        expect([s.id, method, r.firstWeek, r.alarmWeeks]).toEqual([s.id, method, ref.firstWeek, ref.alarmWeeks]);
        expect(r.upperbound).toHaveLength(ref.upperbound.length);
        r.upperbound.forEach((u: number, i: number) => expect(Math.abs(u - ref.upperbound[i])).toBeLessThanOrEqual(1e-6));
      }
    }
  });
});
