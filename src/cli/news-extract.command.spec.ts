import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { newsExtractCommand } from './news-extract.command.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../scrapers/news/fixtures/articles');

describe('news-extract', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('prints one JSON object with mentions and figures for a saved page', async () => {
    const code = await newsExtractCommand([join(fixtures, 'zona-media-kursk.html'), '--url', 'https://zona.media/news/2026/05/15/kursk-soch']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { outlet: string; mentions: { court: string; date: string }[]; figures: { value: number; unit: string }[] };
    expect(json.outlet).toBe('zona.media');
    expect(json.mentions.map((m) => [m.court, m.date])).toEqual([['77GV0020', '2026-05-12']]);
    expect(json.figures.map((f) => [f.value, f.unit])).toEqual([[100, 'per-week']]);
  });

  it('reads plain text with --text, dated by --published-at', async () => {
    const code = await newsExtractCommand([join(fixtures, 'plain-text-abbreviation.txt'), '--text', '--published-at', '2026-03-12']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { mentions: { court: string; date: string }[] };
    expect(json.mentions.map((m) => [m.court, m.date])).toEqual([['77GV0020', '2026-03-11']]);
  });

  it('decodes a windows-1251 page', async () => {
    expect(await newsExtractCommand([join(fixtures, 'generic-largest-block.html')])).toBe(0);
    expect((JSON.parse(out) as { title: string }).title).toBe('Рядового осудили за самовольное оставление части');
  });

  it.each([
    [[join(fixtures, 'no-such-page.html')], 'cannot read'],
    [[], 'FILE is missing'],
    [['a.html', 'b.html'], 'unexpected argument b.html'],
    [['a.html', '--bogus'], 'unknown option --bogus'],
    [['a.html', '--url'], '--url needs a value'],
    [['a.html', '--published-at', 'someday'], 'not a date'],
  ])('exits 2 with a message on stderr: %j', async (args, message) => {
    expect(await newsExtractCommand(args)).toBe(2);
    expect(err).toContain(message);
    expect(out).toBe('');
  });
});
