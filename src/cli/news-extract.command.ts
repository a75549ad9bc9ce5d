import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { extractArticleText } from '../../scrapers/news/article-text-extractor.js';
import { decodeHtml } from '../../scrapers/news/html-decoder.js';
import { extractMentions } from '../../scrapers/news/mention-extractor.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = 'usage: news-extract FILE [--url URL] [--text] [--published-at ISO]\n';

/**
 * `news-extract FILE [--url URL] [--text] [--published-at ISO]`: prints one JSON object with
 * the courts, articles, sentences and dates (`mentions[]`) and the published figures
 * (`figures[]`) of a saved article page (HTML), or of plain text with `--text`. `--url` picks
 * the outlet's selectors (default: the file's URL); `--published-at` overrides the page's own
 * publication time, which dates like «12 мая» and «в пятницу» are read against.
 * Exit 0 on success, 2 on a usage error or an unreadable file.
 */
export async function newsExtractCommand(args: string[]): Promise<number> {
  let values: Record<string, string>;
  let flags: Set<string>;
  let positional: string[];
  try {
    ({ values, flags, positional } = parseArgs(args, { values: ['url', 'published-at'], flags: ['text', 'help'] }));
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
  const url = values['url'] ?? null;
  const publishedAt = values['published-at'] ?? null;
  const plain = flags.has('text');
  if (publishedAt !== null && Number.isNaN(Date.parse(publishedAt))) return usage(`--published-at: not a date: ${publishedAt}`);

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`news-extract: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
    return 2;
  }
  const content = decodeHtml(bytes);
  const pageUrl = url ?? pathToFileURL(resolve(file)).toString();

  let text: string;
  let title: string | null = null;
  let pagePublishedAt: string | null = null;
  let outlet: string | null = null;
  if (plain) text = content;
  else {
    const article = extractArticleText(content, pageUrl);
    text = article.text;
    title = article.title;
    pagePublishedAt = article.publishedAt;
    outlet = article.outlet;
  }
  const when = publishedAt ? new Date(publishedAt).toISOString() : pagePublishedAt;
  const { mentions, figures } = extractMentions(text, { publishedAt: when });
  const out = { url: url ?? null, outlet, title, publishedAt: when, mentions, figures };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`news-extract: ${message}\n${USAGE}`);
  return 2;
}
