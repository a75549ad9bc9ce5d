import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it when missing); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export interface BrowserSession {
  context: BrowserContext;
  /** Console errors, uncaught exceptions, failed requests and requests that left the app's origin, on every page. */
  problems: string[];
  /** A new page that reports its problems; `acceptLanguage` (default English) is the header the page's language follows. */
  page(options?: { acceptLanguage?: string; width?: number; height?: number }): Promise<Page>;
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** Headless chromium with a fresh profile, watching every page for errors and for requests that leave `origin`. */
export async function launchBrowser(origin: string): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'vw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    timezoneId: 'UTC',
  });
  const problems: string[] = [];
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    context,
    problems,
    async page({ acceptLanguage = 'en-GB,en;q=0.9', width = 1280, height = 900 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.setExtraHTTPHeaders({ 'Accept-Language': acceptLanguage }); // not the context's locale: that would override it
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()} (${page.url()})`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message} (${page.url()})`));
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request outside the app: ${r.url()}`);
      });
      page.on('requestfailed', (r) => {
        const failure = r.failure()?.errorText ?? '';
        // A superseded fetch is aborted on purpose; a download is "aborted" once it turns into a file.
        if (failure.includes('ERR_ABORTED')) return;
        problems.push(`request failed: ${r.url()} ${failure}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      return page;
    },
    async screenshot(page, name, { fullPage = true } = {}) {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage });
      return path;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
