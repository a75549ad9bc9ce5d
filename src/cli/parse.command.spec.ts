import { describe, it, expect, jest, afterEach } from '@jest/globals';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from './parse.command.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../scrapers/sudrf/fixtures');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await parseCommand(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('parse command', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('prints one JSON object for a listing, links resolved against --url', async () => {
    const url = 'https://kazanskygvs--tat.sudrf.ru/modules.php?name=sud_delo&page=1';
    const { code, out, err } = await run([join(fixtures, 'garrison-listing-337-page1.html'), '--url', url]);
    expect([code, err]).toEqual([0, '']);
    const page = JSON.parse(out);
    expect(page.kind).toBe('listing');
    expect(page.listing.total).toBe(31);
    expect(page.listing.rows).toHaveLength(25);
    expect(page.listing.rows[2]).toMatchObject({ caseNumber: '1-104/2026', receivedOn: '2026-04-03', decidedOn: '2026-04-30', result: 'Вынесен ПРИГОВОР', outcome: 'conviction' });
    expect(page.listing.rows[2].defendants.map((d: { articles: unknown[] }) => d.articles)).toEqual([
      [{ article: '337', part: '3.1', point: null }],
      [{ article: '337', part: '3.1', point: null }],
    ]);
    expect(page.listing.nextPageUrl).toMatch(/^https:\/\/kazanskygvs--tat\.sudrf\.ru\/modules\.php\?.*page=2/);
  });

  it('prints a card, resolving links against example.invalid without --url', async () => {
    const { code, out } = await run([join(fixtures, 'okrug-card-appeal.html')]);
    expect(code).toBe(0);
    const page = JSON.parse(out);
    expect(page.card).toMatchObject({ caseNumber: '22-318/2026', uid: '61GV0001-01-2026-000233-17', receivedOn: '2026-06-02', decidedOn: '2026-06-30', outcome: 'other' });
    expect(page.card.acts[0].url).toMatch(/^https:\/\/example\.invalid\/modules\.php\?/);
  });

  it('exits 3 for an unknown page and 0 for a failure page it recognises', async () => {
    expect((await run([join(fixtures, 'listing-changed-layout.html')])).code).toBe(3);
    const captcha = await run([join(fixtures, 'captcha-form.html')]);
    expect(captcha.code).toBe(0);
    expect(JSON.parse(captcha.out).kind).toBe('captcha');
  });

  it('exits 2 with a message for a missing file or bad arguments', async () => {
    const missing = await run([join(fixtures, 'no-such-page.html')]);
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('cannot read');
    expect((await run([])).code).toBe(2);
    expect((await run(['x.html', '--url', 'relative/path'])).code).toBe(2);
    expect((await run(['x.html', '--bogus'])).code).toBe(2);
  });
});
