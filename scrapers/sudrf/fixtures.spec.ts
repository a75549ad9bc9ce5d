// Walks every fixture page in ./fixtures and checks parsePage against the JSON written beside it.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePage } from './parse-page.js';
import type { PageKind, ParsedPage } from './types.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Expected extends Omit<ParsedPage, 'reason'> {
  /** The URL the page was fetched from; links resolve against it. */
  url: string;
}

const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .sort();

const KINDS: PageKind[] = ['listing', 'card', 'act', 'empty', 'captcha', 'blocked', 'antibot', 'down', 'inactive', 'bad-request', 'unknown'];

describe('fixtures', () => {
  it('has fixture pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)('%s has an expected JSON beside it', (file) => {
    expect(existsSync(join(dir, file.replace(/\.html$/, '.expected.json')))).toBe(true);
  });

  it('covers every page kind', () => {
    const kinds = new Set(
      pages
        .map((f) => join(dir, f.replace(/\.html$/, '.expected.json')))
        .filter(existsSync)
        .map((p) => (JSON.parse(readFileSync(p, 'utf8')) as Expected).kind),
    );
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });

  it.each(pages)('%s parses as expected', (file) => {
    const expectedPath = join(dir, file.replace(/\.html$/, '.expected.json'));
    if (!existsSync(expectedPath)) throw new Error(`${file}: no ${file.replace(/\.html$/, '.expected.json')}`);
    const { url, ...expected } = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
    const bytes = readFileSync(join(dir, file));
    const { reason, ...actual } = parsePage(new Uint8Array(bytes), url);
    expect(reason).toEqual(expect.any(String));
    if (expected.listing && actual.listing) {
      // Problems are our own wording: the expected JSON names what each one is about.
      const wanted = expected.listing.problems;
      const got = actual.listing.problems;
      expect(got).toHaveLength(wanted.length);
      wanted.forEach((w, i) => expect(got[i]).toContain(w));
      expect({ ...actual, listing: { ...actual.listing, problems: [] } }).toEqual({
        ...expected,
        listing: { ...expected.listing, problems: [] },
      });
    } else {
      expect(actual).toEqual(expected);
    }
  });
});
