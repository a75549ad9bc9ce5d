import { readFile } from 'node:fs/promises';
import { parsePage } from '../../scrapers/sudrf/parse-page.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = 'usage: parse FILE [--url URL] [--content-type TYPE]\n';
// Relative links on the page still resolve without a URL; the host says it is not a real one.
const DEFAULT_URL = 'https://example.invalid/';

/**
 * `parse FILE [--url URL] [--content-type TYPE]`: classifies and parses a saved court page
 * (bytes as the site sent them, windows-1251 unless TYPE or a <meta> says otherwise) and prints
 * one JSON object: `kind`, `reason` and, by kind, `listing` (total, rows[], nextPageUrl,
 * problems[]), `card` or `act`. `--url` is the page's address, which links resolve against.
 * Exit 0 for a known kind, 3 for 'unknown', 2 for a usage error or an unreadable file.
 */
export async function parseCommand(args: string[]): Promise<number> {
  let values: Record<string, string>;
  let flags: Set<string>;
  let positional: string[];
  try {
    ({ values, flags, positional } = parseArgs(args, { values: ['url', 'content-type'], flags: ['help'] }));
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    throw err;
  }
  if (flags.has('help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [file, extra] = positional;
  if (!file) return usage('FILE is missing');
  if (extra !== undefined) return usage(`unexpected argument ${extra}`);
  const url = values['url'] ?? DEFAULT_URL;
  try {
    new URL(url);
  } catch {
    return usage(`--url: not an absolute URL: ${url}`);
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    process.stderr.write(`parse: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  const page = parsePage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), url, values['content-type']);
  process.stdout.write(JSON.stringify(page, null, 2) + '\n');
  return page.kind === 'unknown' ? 3 : 0;
}

function usage(message: string): number {
  process.stderr.write(`parse: ${message}\n${USAGE}`);
  return 2;
}
