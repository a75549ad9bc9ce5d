import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import { AlertDetectionService } from '../src/alerts/alert-detection.service.js';
import { Clock } from '../src/common/clock.js';
import type { Env } from '../src/config/env.schema.js';
import { CrawlProgressService } from '../src/crawling/crawl-progress.service.js';
import { CrawlService } from '../src/crawling/crawl.service.js';
import type { RunningService } from '../src/service.js';
import { startCourtSimulator, type CourtSimulator, type TruthRow } from './simulator/court-simulator.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { resetState, sql, startTestService, testEnv } from './support/test-service.js';
import { parseCsv } from './support/trend-seed.js';

// Seven garrison courts from seven regions, enough cases a week to meet the "about 100 a week" claim.
// One answers with a captcha; one is crawled from April only, so the first quarter is badly covered.
const FROM = '2023-02-27';
const TO = '2023-06-25';
const LATE_FROM = '2023-04-10';
const TODAY = '2023-07-12'; // the newest weeks (from 12 June) are still inside the 4-week publication lag
const regions = new Set<string>();
const courts = militaryCourts.filter((c) => c.level === 'garrison' && !regions.has(c.region) && regions.add(c.region)).slice(0, 7);
const codes = courts.map((c) => c.code);
const [captchaCourt, lateCourt] = [codes[2], codes[4]];
const KEY = 'dashboard-reader-key';

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

jest.setTimeout(30_000);

describe('dashboard in a browser (chromium, real Postgres, Redis, simulated courts)', () => {
  let sim: CourtSimulator;
  let env: Env;
  let service: RunningService;
  let browser: BrowserSession;
  let page: Page;

  const idle = () => service.app.get(CrawlProgressService).waitUntilIdle(100);
  /** Waits until the visible view has loaded what its last change asked for. */
  const settled = async (p: Page = page) => {
    await p.waitForSelector('.view:not([hidden]):not([aria-busy])');
    await p.waitForFunction(() => !document.querySelector('.view:not([hidden]).loading'));
  };
  const truth = (series: string, court: string, part: string, week: string) =>
    sim.truth().weekly.find((r: TruthRow) => r.series === series && r.court === court && r.article === '337' && r.part === part && r.week === week)?.count ?? 0;
  const cell = async (week: string, series: string) => digits(await page.textContent(`#trend-table tr[data-week="${week}"] td[data-series="${series}"]`));

  beforeAll(async () => {
    jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date(`${TODAY}T12:00:00Z`));
    sim = await startCourtSimulator({
      seed: 5, courts: codes, from: FROM, to: TO, now: '2023-08-01', meanWeeklyCases: 19,
      behaviours: { [captchaCourt]: 'captcha' },
    });
    env = testEnv('dashboard', { COURT_BASE_URL: `${sim.url}/{code}/`, CRAWL_COURTS: codes.join(','), API_KEYS: `${KEY}:reader`, CRAWL_FETCH_CARDS: 'false' });
    await resetState(env);
    service = await startTestService(env, { api: true, worker: true, scheduler: false });
    const crawl = service.app.get(CrawlService);
    await crawl.enqueue(FROM, TO, 'first', codes.filter((c) => c !== lateCourt));
    await crawl.enqueue(LATE_FROM, TO, 'first-late', [lateCourt]);
    await idle();
    await service.app.get(AlertDetectionService).run('dashboard test'); // data alerts: a court waits for a captcha
    browser = await launchBrowser(service.url!);
    page = await browser.page();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await sim?.close();
    jest.restoreAllMocks();
  });

  it('serves one small page that loads nothing from outside the app', async () => {
    const res = await fetch(`${service.url}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(Buffer.byteLength(html)).toBeLessThan(60_000);
    const started = Date.now();
    await page.goto(`${service.url}/`);
    await settled();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.isVisible('#chart svg')).toBe(true);
  });

  it('shows the simulator\'s counts for a chosen court and week in the chart and the table', async () => {
    const court = codes[0];
    const best = sim.truth().weekly
      .filter((r) => r.court === court && r.article === '337' && r.part === '5' && r.series === 'convicted' && r.week < '2023-06-12')
      .sort((a, b) => b.count - a.count)[0];
    expect(best.count).toBeGreaterThan(0);
    await page.selectOption('#f-court', court);
    await settled();
    await page.selectOption('#f-part', '5');
    await settled();
    expect(new URL(page.url()).searchParams.get('court')).toBe(court);
    expect(new URL(page.url()).searchParams.get('part')).toBe('5');

    await page.hover(`#chart circle[data-week="${best.week}"]`);
    const card = page.locator('.week-card');
    await expect(card.isVisible()).resolves.toBe(true);
    for (const series of ['received', 'decided', 'convicted']) {
      expect(digits(await card.locator(`dd[data-series="${series}"]`).textContent())).toBe(truth(series, court, '5', best.week));
      expect(await cell(best.week, series)).toBe(truth(series, court, '5', best.week));
    }
    const casesHref = await card.locator('a.cases-link').getAttribute('href');
    const cases = await (await fetch(new URL(casesHref!, service.url!))).text();
    expect(parseCsv(cases).length - 1).toBe(best.count); // the week's link lists exactly the cases counted

    // Keyboard: the chart takes focus and arrow keys walk the weeks.
    await page.focus('#chart .plot');
    await page.keyboard.press('Home');
    expect(await card.locator('.wk').textContent()).toContain('2023');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(card.isHidden()).resolves.toBe(true);
  });

  it('updates the chart, the table and the address when a filter changes, and back restores them', async () => {
    const court = codes[0];
    const week = '2023-03-06';
    const before = await cell(week, 'convicted');
    const chosenBefore = await page.getAttribute('#chart path.chosen', 'class');
    expect(chosenBefore).toContain('line-convicted');
    await page.selectOption('#f-series', 'received');
    await settled();
    expect(new URL(page.url()).searchParams.get('series')).toBe('received');
    expect(await page.getAttribute('#chart path.chosen', 'class')).toContain('line-received');
    expect(await page.getAttribute('#trend-table thead th.chosen', 'class')).toBeTruthy();
    expect(await page.textContent('#trend-table thead th.chosen')).toMatch(/Received/);

    await page.selectOption('#f-part', 'all');
    await settled();
    const whole = await cell(week, 'convicted');
    expect(whole).toBeGreaterThanOrEqual(before);
    expect(new URL(page.url()).searchParams.get('part')).toBeNull();

    const firstWeek = await page.locator('#trend-table tbody tr').first().getAttribute('data-week');
    await page.fill('#f-from', '2023-03-13');
    await page.dispatchEvent('#f-from', 'change');
    await settled();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2023-03-13');
    expect(await page.locator('#trend-table tbody tr').first().getAttribute('data-week')).toBe('2023-03-13');

    await page.goBack();
    await settled();
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    expect(await page.locator('#trend-table tbody tr').first().getAttribute('data-week')).toBe(firstWeek);
    await page.goBack();
    await settled();
    expect(new URL(page.url()).searchParams.get('part')).toBe('5');
    expect(await cell(week, 'convicted')).toBe(before);
    expect(await page.inputValue('#f-part')).toBe('5');
    await page.goForward();
    await page.goForward();
    await settled();
    expect(new URL(page.url()).searchParams.get('court')).toBe(court);
  });

  it('downloads, as weekly-counts CSV, exactly the rows the table shows', async () => {
    await page.goto(`${service.url}/?series=convicted&level=garrison`);
    await settled();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-weekly')]);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8'));
    const [header, ...data] = rows;
    const col = (name: string) => header.indexOf(name);
    const table = await page.$$eval('#trend-table tbody tr', (trs) =>
      trs.map((tr) => ({ week: tr.getAttribute('data-week'), count: tr.querySelector('td[data-series="convicted"]')!.textContent })));
    expect(data.map((r) => ({ week: r[col('week')], count: Number(r[col('count')]) }))).toEqual(
      table.map((r) => ({ week: r.week, count: digits(r.count) })),
    );
    expect(data.every((r) => r[col('series')] === 'convicted' && r[col('level')] !== 'okrug')).toBe(true);

    const [cases] = await Promise.all([page.waitForEvent('download'), page.click('#dl-cases')]);
    const caseRows = parseCsv(await readFile((await cases.path())!, 'utf8'));
    const total = table.reduce((n, r) => n + digits(r.count), 0);
    expect(caseRows.length - 1).toBe(total);
  });

  it('draws the "100 a week" claim with its verdict and numbers, and marks lagged and badly covered weeks', async () => {
    await page.goto(`${service.url}/`);
    await settled();
    await page.setViewportSize({ width: 1360, height: 900 });
    await settled();
    expect(await page.isVisible('#chart .claim-band')).toBe(true);
    expect(await page.textContent('#claim-verdict')).toMatch(/Supported|Contradicted|Inconclusive|Insufficient coverage/);
    expect(await page.textContent('#claim .numbers')).toMatch(/Observed mean/);
    expect(await page.locator('#chart .bg-incomplete').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart .bg-low').count()).toBeGreaterThan(0);
    const weeks = await page.$$eval('#trend-table tbody tr', (trs) => trs.map((tr) => ({ week: tr.getAttribute('data-week')!, lag: tr.classList.contains('lag') })));
    expect(weeks.filter((w) => w.lag).map((w) => w.week)).toEqual(weeks.map((w) => w.week).filter((w) => w >= '2023-06-12'));
    expect(await page.locator('#trend-table tr.low').count()).toBeGreaterThan(0);
    await page.hover('#chart circle[data-week="2023-03-20"]');
    await browser.screenshot(page, 'dashboard-trend', { fullPage: false }); // docs/dashboard.png is a copy of this one
    await browser.screenshot(page, 'dashboard-trend-full');
  });

  it('lists every court with its counts and crawl health, sortable from the keyboard', async () => {
    await page.click('.tabs a[data-view="courts"]');
    await settled();
    expect(new URL(page.url()).searchParams.get('view')).toBe('courts');
    expect(await page.locator('#courts-table tbody tr').count()).toBe(militaryCourts.length);
    const captchaRow = page.locator(`#courts-table tr[data-court="${captchaCourt}"]`);
    expect(await captchaRow.locator('.badge').textContent()).toBe('Captcha waiting');

    // Each court's counts are the trend API's weeks summed.
    const api = (await (await fetch(`${service.url}/api/weekly-counts?groupBy=court`)).json()) as { rows: { court: string; count: number }[] };
    for (const code of codes) {
      const sum = api.rows.filter((r) => r.court === code).reduce((n, r) => n + r.count, 0);
      expect(digits(await page.textContent(`#courts-table tr[data-court="${code}"] td[data-series="convicted"]`))).toBe(sum);
    }
    const first = await page.$$eval('#courts-table tbody td[data-series="convicted"]', (tds) => tds.slice(0, 5).map((td) => td.textContent));
    const nums = first.map(digits);
    expect(nums).toEqual([...nums].sort((a, b) => b - a)); // default: the chosen series, largest first

    await page.focus('#courts-table button[data-sort="court"]');
    await page.keyboard.press('Enter');
    await settled();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('court-asc');
    expect(await page.getAttribute('#courts-table th:has(button[data-sort="court"])', 'aria-sort')).toBe('ascending');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-sort'))).toBe('court');
    await page.keyboard.press('Enter');
    await settled();
    expect(await page.getAttribute('#courts-table th:has(button[data-sort="court"])', 'aria-sort')).toBe('descending');
    await page.click('#courts-table button[data-sort="convicted"]');
    await settled();
    await browser.screenshot(page, 'dashboard-courts', { fullPage: false });
  });

  it('takes a captcha typed in the page and the court\'s crawl resumes', async () => {
    await page.goto(`${service.url}/?view=captcha`);
    await settled();
    const form = page.locator(`form.captcha-form[data-court="${captchaCourt}"]`);
    await form.waitFor();
    expect(await page.locator('.captcha-card img').first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    // Without a key the page says so and sends nothing.
    await form.locator('input').fill('12345');
    await form.locator('button').click();
    expect(await form.locator('.status').textContent()).toMatch(/API key/);

    await page.fill('#api-key', KEY);
    await page.click('#key-form button[type=submit]');
    expect(await page.isVisible('#key-saved')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('verdict-watch.api-key'))).toBe(KEY);
    await browser.screenshot(page, 'dashboard-captcha', { fullPage: false });

    const shown = await form.getAttribute('data-captcha-id');
    const answer = sim.captchaAnswerFor(shown!)!; // what a person reads off the image
    expect(answer).toMatch(/^\d{5}$/);
    await form.locator('input').fill(answer);
    await form.locator('button').click();
    await page.waitForFunction((court) => /Code sent/.test(document.querySelector(`#status-${court}`)?.textContent ?? ''), captchaCourt);
    await idle();

    const [health] = await sql<{ captcha_waiting: boolean; last_outcome: string }>(env, `SELECT captcha_waiting, last_outcome FROM courts WHERE code = $1`, [captchaCourt]);
    expect(health.captcha_waiting).toBe(false);
    await page.click('#captcha-refresh');
    await page.waitForSelector('#captcha-list .empty');

    // The court's counts are in now: the trend for it matches the simulator's truth.
    await page.goto(`${service.url}/?court=${captchaCourt}&part=5&to=2023-06-04`);
    await settled();
    const weeks = await page.$$eval('#trend-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-week')!));
    expect(weeks.length).toBeGreaterThanOrEqual(12);
    for (const week of weeks) expect(await cell(week, 'convicted')).toBe(truth('convicted', captchaCourt, '5', week));
  }, 120_000);

  it('lists alerts and claims and subscribes to alerts for the current filters', async () => {
    await page.goto(`${service.url}/?view=alerts&part=5&level=garrison`);
    await settled();
    expect(await page.textContent('#alerts-list')).toMatch(/Court is waiting for a captcha/);
    expect(await page.locator('#claims-list tbody tr').count()).toBeGreaterThan(10);
    expect(await page.textContent('#subscribe-filters')).toMatch(/Art\. 337 part 5/);
    await page.click('#subscribe button[type=submit]');
    expect(await page.isVisible('#s-email-error')).toBe(true);
    await page.fill('#s-email', 'researcher@example.org');
    await page.click('#subscribe button[type=submit]');
    await page.waitForFunction(() => /Check your inbox/.test(document.querySelector('#subscribe-status')?.textContent ?? ''));
    const [sub] = await sql<{ part: string; level: string }>(env, `SELECT part, level FROM alert_subscriptions WHERE email = $1`, ['researcher@example.org']);
    expect(sub).toMatchObject({ part: '5', level: 'garrison' });
    await browser.screenshot(page, 'dashboard-alerts', { fullPage: false });
  });

  it('speaks Russian when the browser asks for it, and the switch keeps the view', async () => {
    const ru = await browser.page({ acceptLanguage: 'ru-RU,ru;q=0.9,en;q=0.5' });
    await ru.goto(`${service.url}/?view=courts`);
    await settled(ru);
    expect(await ru.getAttribute('html', 'lang')).toBe('ru');
    expect(await ru.textContent('.tabs a[data-view="courts"]')).toBe('Суды');
    await ru.click('#lang-en');
    await settled(ru);
    expect(new URL(ru.url()).searchParams.get('lang')).toBe('en');
    expect(new URL(ru.url()).searchParams.get('view')).toBe('courts');
    expect(await ru.textContent('.tabs a[data-view="courts"]')).toBe('Courts');
    await ru.goto(`${service.url}/?lang=ru`);
    await settled(ru);
    await browser.screenshot(ru, 'dashboard-trend-ru', { fullPage: false });
    await ru.close();
  });

  it('fits a phone screen', async () => {
    const phone = await browser.page({ width: 390, height: 844 });
    await phone.goto(`${service.url}/`);
    await settled(phone);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await phone.evaluate(() => document.querySelector('#chart svg')!.getBoundingClientRect().width)).toBeLessThanOrEqual(390);
    await browser.screenshot(phone, 'dashboard-phone');
    await phone.close();
  });

  it('logged no console error, no failed request and nothing outside the app', () => {
    expect(browser.problems).toEqual([]);
  });
});
