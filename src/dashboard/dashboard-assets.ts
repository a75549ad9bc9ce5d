import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { militaryCourts } from '../../scrapers/sudrf/court-registry.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { DEFAULT_CLAIM } from './claim-summaries.js';
import { LANGUAGES, type Language } from './page-language.js';

export interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

const CANDIDATES = ['./assets/', '../../../src/dashboard/assets/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** The assets folder next to this file (running from source), else the source folder (running from dist/, which tsc does not copy it to). */
function assetsDir(): string | null {
  return CANDIDATES.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

const MISSING = `<!doctype html><html lang="en"><meta charset="utf-8"><title>verdict-watch</title>
<p>The dashboard's files are not installed (src/dashboard/assets). The API works: see <a href="/docs">/docs</a>.</p>`;

function asset(body: Buffer, type: string): Asset {
  return {
    body,
    gzip: body.length > 1024 ? gzipSync(body, { level: 9 }) : null,
    type,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page and its files, read once at start-up and kept in memory (gzipped when worth it). Files are
 * served under a path that carries a hash of them all, so browsers may cache them for good; the page
 * itself is rendered once per language with its labels filled in and the court registry inlined.
 */
@Injectable()
export class DashboardAssets {
  readonly version: string;
  private readonly files = new Map<string, Asset>();
  private readonly pages = new Map<Language, Asset>();

  constructor(@Inject(ENV) env: Env) {
    const dir = assetsDir();
    if (!dir) {
      // The API must not go down for want of its web page: say so, and serve a page that says so too.
      new Logger('dashboard').error(`dashboard files not found in ${CANDIDATES.join(' or ')}; / explains, the API is unaffected`);
      this.version = 'missing';
      for (const lang of LANGUAGES) this.pages.set(lang, asset(Buffer.from(MISSING), TYPES['.html']));
      return;
    }
    const names = readdirSync(dir).filter((f) => TYPES[extname(f)] && f !== 'index.html').sort();
    const hash = createHash('sha256');
    for (const name of names) {
      const body = readFileSync(join(dir, name));
      hash.update(name).update(body);
      this.files.set(name, asset(body, TYPES[extname(name)]));
    }
    const template = readFileSync(join(dir, 'index.html'), 'utf8');
    const strings = JSON.parse(readFileSync(join(dir, 'strings.json'), 'utf8')) as Record<Language, Record<string, string>>;
    hash.update(template).update(JSON.stringify(strings));
    this.version = hash.digest('hex').slice(0, 12);
    const courts = militaryCourts.map((c) => ({ code: c.code, name: c.name, level: c.level, region: c.region }));
    const scripts = names.filter((n) => n.endsWith('.js') && n !== 'app.js');
    for (const lang of LANGUAGES) {
      const t = strings[lang];
      const bootstrap = { lang, strings: t, courts, articles: env.CRAWL_ARTICLES, defaultClaim: DEFAULT_CLAIM };
      const html = template
        .replaceAll('{{base}}', `/dashboard/${this.version}`)
        .replaceAll('{{lang}}', lang)
        .replace('{{preload}}', () => scripts.map((s) => `<link rel="modulepreload" href="/dashboard/${this.version}/${s}">`).join('\n  '))
        .replace('{{bootstrap}}', () => JSON.stringify(bootstrap).replace(/</g, '\\u003c'))
        .replace(/\{\{t\.([\w.-]+)\}\}/g, (_, key: string) => {
          if (!(key in t)) throw new Error(`dashboard: no ${lang} string for ${key}`);
          return escapeHtml(t[key]);
        });
      this.pages.set(lang, asset(Buffer.from(html), TYPES['.html']));
    }
  }

  page(lang: Language): Asset {
    return this.pages.get(lang)!;
  }

  file(name: string): Asset | undefined {
    return this.files.get(name);
  }
}
