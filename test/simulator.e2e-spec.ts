import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findCourt } from '../scrapers/sudrf/court-registry.js';
import { parsePage } from '../scrapers/sudrf/parse-page.js';
import { buildSearchUrl, type SearchQuery } from '../scrapers/sudrf/search-url.js';
import type { ListingRow, ParsedPage } from '../scrapers/sudrf/types.js';
import { type CourtSimulator, type TruthRow, startCourtSimulator } from './simulator/court-simulator.js';

const WINDOW = { from: '2023-01-01', to: '2023-12-31' };

async function get(url: string): Promise<{ status: number; contentType: string; bytes: Uint8Array; html: string }> {
  const res = await fetch(url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes, html: new TextDecoder('windows-1251').decode(bytes) };
}

async function getParsed(url: string): Promise<ParsedPage & { status: number }> {
  const page = await get(url);
  return { status: page.status, ...parsePage(page.bytes, url, page.contentType) };
}

function searchUrl(sim: CourtSimulator, code: string, q: SearchQuery): string {
  return buildSearchUrl(sim.baseUrlFor(code), findCourt(code)!, q);
}

/** Every row of a search, following the pager; checks each page against the site's counter. */
async function crawl(sim: CourtSimulator, code: string, q: SearchQuery): Promise<ListingRow[]> {
  const rows: ListingRow[] = [];
  let url: string | null = searchUrl(sim, code, q);
  let total: number | null = null;
  while (url) {
    const page = await getParsed(url);
    if (page.kind === 'empty') break;
    expect(page.kind).toBe('listing');
    expect(page.listing!.problems).toEqual([]);
    total = page.listing!.total;
    rows.push(...page.listing!.rows);
    url = page.listing!.nextPageUrl;
  }
  if (total !== null) expect(rows).toHaveLength(total);
  return rows;
}

function mondayOf(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

/** The service's counting rule, applied to parsed rows: once per case per (article, part). */
function countRows(rows: ListingRow[], article: string, dateOf: (r: ListingRow) => string | null, keep: (r: ListingRow) => boolean) {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const date = dateOf(r);
    if (!date || !keep(r)) continue;
    const parts = new Set<string>();
    for (const d of r.defendants) for (const a of d.articles) if (a.article === article) parts.add(a.part ?? '');
    for (const part of parts) {
      const key = `${mondayOf(date)}|${part}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function truthCounts(rows: TruthRow[], court: string, series: string, article: string, from: string, to: string) {
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (r.court !== court || r.series !== series || r.article !== article || r.week < mondayOf(from) || r.week > to) continue;
    counts.set(`${r.week}|${r.part ?? ''}`, r.count);
  }
  return counts;
}

describe('court-site simulator', () => {
  let sim: CourtSimulator;

  beforeAll(async () => {
    sim = await startCourtSimulator({ seed: 7, courts: 20, ...WINDOW, publicationLagDays: 10 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const again = await startCourtSimulator({ seed: 7, courts: 20, ...WINDOW, publicationLagDays: 10 });
    const other = await startCourtSimulator({ seed: 8, courts: 20, ...WINDOW, publicationLagDays: 10 });
    try {
      expect(again.truth()).toEqual(sim.truth());
      expect(other.truth().weekly).not.toEqual(sim.truth().weekly);
      const code = '25GV0001';
      const q: SearchQuery = { instance: 'first', article: '337', decidedFrom: '2023-03-01', decidedTo: '2023-06-30' };
      const [a, b] = await Promise.all([get(searchUrl(sim, code, q)), get(searchUrl(again, code, q))]);
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it('writes a truth file in the agreed shape', () => {
    const truth = sim.truth();
    expect(truth.courts).toHaveLength(20);
    expect(truth.weekly.length).toBeGreaterThan(100);
    for (const r of truth.weekly) {
      expect(r.week >= mondayOf(WINDOW.from) && r.week <= WINDOW.to).toBe(true);
      expect(new Date(`${r.week}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(['received', 'decided', 'convicted']).toContain(r.series);
      expect(['337', '338', '332', '339', '328']).toContain(r.article);
      expect(r.count).toBeGreaterThan(0);
    }
    const parts = new Set(truth.weekly.filter((r) => r.article === '337').map((r) => r.part));
    for (const p of ['5', '2.1', '3.1']) expect(parts.has(p)).toBe(true);
    expect(truth.weekly.some((r) => r.article === '337.1')).toBe(false);
  });

  it('generates 111 courts over three years quickly', async () => {
    const started = Date.now();
    const big = await startCourtSimulator({ seed: 3, from: '2022-01-01', to: '2024-12-31' });
    try {
      const truth = big.truth();
      // About 0.5 s in plain Node; the margin covers Jest's VM and a busy machine.
      expect(Date.now() - started).toBeLessThan(5000);
      expect(big.courts).toHaveLength(111);
      expect(truth.weekly.length).toBeGreaterThan(10_000);
      expect(big.stats().cases).toBeGreaterThan(10_000);
    } finally {
      await big.close();
    }
  });

  describe.each([
    ['a primary-form garrison court', '25GV0001'],
    ['a vnkod-form garrison court', '27GV0003'],
  ])('served pages agree with the truth at %s', (_label, code) => {
    const from = '2023-01-02';
    const to = '2023-09-24';

    it('by decision week (decided and convicted) and by receipt week', async () => {
      const truth = sim.truth().weekly;
      const decided = await crawl(sim, code, { instance: 'first', article: '337', decidedFrom: from, decidedTo: to });
      expect(decided.length).toBeGreaterThan(25); // more than one 25-row page
      expect(countRows(decided, '337', (r) => r.decidedOn, () => true)).toEqual(truthCounts(truth, code, 'decided', '337', from, to));
      expect(countRows(decided, '337', (r) => r.decidedOn, (r) => r.outcome === 'conviction')).toEqual(
        truthCounts(truth, code, 'convicted', '337', from, to),
      );
      const received = await crawl(sim, code, { instance: 'first', article: '337', receivedFrom: from, receivedTo: to });
      expect(countRows(received, '337', (r) => r.receivedOn, () => true)).toEqual(truthCounts(truth, code, 'received', '337', from, to));
    });
  });

  it('agrees with the truth for every court, tracked article, part and series', async () => {
    const from = '2023-04-03';
    const to = '2023-05-28';
    const truth = sim.truth().weekly;
    for (const { code } of sim.courts) {
      const decided = await crawl(sim, code, { instance: 'first', decidedFrom: from, decidedTo: to });
      const received = await crawl(sim, code, { instance: 'first', receivedFrom: from, receivedTo: to });
      for (const article of ['337', '338', '332', '339', '328']) {
        const at = `${code} ${article}`;
        expect([at, countRows(decided, article, (r) => r.decidedOn, () => true)]).toEqual([at, truthCounts(truth, code, 'decided', article, from, to)]);
        expect([at, countRows(decided, article, (r) => r.decidedOn, (r) => r.result === 'Вынесен ПРИГОВОР')]).toEqual([
          at,
          truthCounts(truth, code, 'convicted', article, from, to),
        ]);
        expect([at, countRows(received, article, (r) => r.receivedOn, () => true)]).toEqual([at, truthCounts(truth, code, 'received', article, from, to)]);
      }
    }
  });

  it('matches articles by substring like the real site: 337 also returns 337.1 cases', async () => {
    const code = '25GV0001';
    const decoy = sim
      .cases(code, 'first')
      .find((c) => c.defendants.every((d) => d.charges.every((ch) => ch.article === '337.1')) && c.receivedDay * 86_400_000 >= Date.parse('2023-01-01'));
    expect(decoy).toBeDefined();
    const rows = await crawl(sim, code, { instance: 'first', article: '337', receivedFrom: '2023-01-01', receivedTo: '2023-12-31' });
    const row = rows.find((r) => r.caseNumber === decoy!.number);
    expect(row).toBeDefined();
    expect(row!.defendants.flatMap((d) => d.articles.map((a) => a.article))).toEqual(expect.arrayContaining(['337.1']));
    const part5 = await crawl(sim, code, { instance: 'first', article: '337', part: '5', receivedFrom: '2023-01-01', receivedTo: '2023-12-31' });
    expect(part5.find((r) => r.caseNumber === decoy!.number)).toBeUndefined();
    expect(part5.length).toBeGreaterThan(0);
    for (const r of part5) expect(r.info).toContain('337 ч.5');
  });

  it('serves windows-1251 bytes and reads query values as cp1251', async () => {
    const code = '25GV0001';
    const url = searchUrl(sim, code, { instance: 'first', article: '337', part: '5', decidedFrom: '2023-01-01', decidedTo: '2023-12-31' });
    expect(url).toContain('337+%F7.5');
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html; charset=windows-1251');
    expect(page.html).toContain('Всего по запросу найдено — ');
    expect(page.html).toContain('id="tablcont"');
    // The same value percent-encoded as UTF-8 is garbage to the site: the silent empty page.
    const utf8 = await get(url.replace('337+%F7.5', '337+%D1%87.5'));
    expect(utf8.status).toBe(200);
    expect(utf8.html).toContain('Данных по запросу не обнаружено');
  });

  it('returns the form without Submit or with an empty vnkod=, and only the registry form works', async () => {
    const url = searchUrl(sim, '25GV0001', { instance: 'first', article: '337', decidedFrom: '2023-01-01', decidedTo: '2023-12-31' });
    for (const variant of [url.replace('&Submit=%CD%E0%E9%F2%E8', ''), url.replace('vnkod=25GV0001', 'vnkod=')]) {
      const page = await get(variant);
      expect(page.html).toContain('name="calform"');
      expect(page.html).not.toContain('id="tablcont"');
    }
    // 27GV0003 is on the vnkod form: the primary form finds nothing there.
    const primaryAtVnkod = url.replace('/25GV0001/', '/27GV0003/').replace('vnkod=25GV0001', 'vnkod=27GV0003');
    expect((await getParsed(primaryAtVnkod)).kind).toBe('empty');
  });

  it('serves cards and act texts the listing links to', async () => {
    const rows = await crawl(sim, '25GV0001', { instance: 'first', article: '337', decidedFrom: '2023-04-01', decidedTo: '2023-06-30' });
    const withAct = rows.find((r) => r.actUrls.length > 0 && r.defendants.length > 0)!;
    expect(withAct).toBeDefined();
    const card = await getParsed(withAct.cardUrl!);
    expect(card.kind).toBe('card');
    expect(card.card!.caseNumber).toBe(withAct.caseNumber);
    expect(card.card!.decidedOn).toBe(withAct.decidedOn);
    expect(card.card!.receivedOn).toBe(withAct.receivedOn);
    expect(card.card!.defendants.map((d) => d.articles)).toEqual(withAct.defendants.map((d) => d.articles));
    const act = await getParsed(withAct.actUrls[0]!);
    expect(act.kind).toBe('act');
    expect(act.act!.text).toContain(withAct.caseNumber);
  });

  it('serves okrug appeals in the listing layout', async () => {
    const okrug = sim.courts.find((c) => c.level === 'okrug' && sim.cases(c.code, 'appeal').length > 0)!;
    expect(okrug).toBeDefined();
    const rows = await crawl(sim, okrug.code, { instance: 'appeal', decidedFrom: '2023-01-01', decidedTo: '2023-12-31' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.caseNumber).toMatch(/^22-\d+\/\d{4}$/);
  });

  it('hides what is not yet published and counts only what is', async () => {
    const lagged = await startCourtSimulator({ seed: 7, courts: ['25GV0001'], ...WINDOW, now: '2023-06-30', publicationLagDays: 21 });
    try {
      const truth = lagged.truth().weekly;
      expect(truth.every((r) => r.week <= '2023-06-30')).toBe(true);
      const rows = await crawl(lagged, '25GV0001', { instance: 'first', article: '337', decidedFrom: '2023-05-01', decidedTo: '2023-12-31' });
      expect(countRows(rows, '337', (r) => r.decidedOn, () => true)).toEqual(truthCounts(truth, '25GV0001', 'decided', '337', '2023-05-01', '2023-12-31'));
      const before = truth.filter((r) => r.series === 'received').reduce((n, r) => n + r.count, 0);
      lagged.setNow('2024-02-01');
      const after = lagged.truth().weekly.filter((r) => r.series === 'received').reduce((n, r) => n + r.count, 0);
      expect(after).toBeGreaterThan(before);
    } finally {
      await lagged.close();
    }
  });

  describe('misbehaviour on demand', () => {
    const q: SearchQuery = { instance: 'first', article: '337', decidedFrom: '2023-03-01', decidedTo: '2023-03-31' };
    let beh: CourtSimulator;
    beforeAll(async () => {
      beh = await startCourtSimulator({
        seed: 11,
        courts: 20,
        ...WINDOW,
        behaviours: { '25GV0001': 'captcha', '25GV0004': 'blocked', '27GV0001': { kind: 'flaky', failures: 2 } },
      });
    });
    afterAll(async () => {
      await beh.close();
    });

    it('lists the misbehaving courts in the truth', () => {
      const courts = beh.truth().courts;
      expect(courts).toContainEqual({ code: '25GV0001', behaviour: 'captcha' });
      expect(courts).toContainEqual({ code: '25GV0004', behaviour: 'blocked' });
      expect(courts).toContainEqual({ code: '25GV0002', behaviour: 'ok' });
    });

    it('captcha: the form with an inline PNG, then a solved pair works across the region', async () => {
      const url = searchUrl(beh, '25GV0001', q);
      const gate = await get(url);
      const parsed = parsePage(gate.bytes, url, gate.contentType);
      expect(parsed.kind).toBe('captcha');
      const id = /name="captchaid" type="hidden" value="([^"]+)"/.exec(gate.html)![1]!;
      const png = /src="data: image\/png;base64, ([A-Za-z0-9+/=]+)"/.exec(gate.html)![1]!;
      expect(Buffer.from(png, 'base64').subarray(1, 4).toString()).toBe('PNG');
      expect(beh.currentCaptcha('25GV0001').id).toBe(id);
      const answer = beh.captchaAnswer('25GV0001');
      expect(answer).toMatch(/^\d{5}$/);

      const wrong = await get(`${url}&captcha=${answer === '00000' ? '11111' : '00000'}&captchaid=${id}`);
      expect(wrong.html).toContain('Неверно указан проверочный код с картинки');
      const solved = await getParsed(`${url}&captcha=${answer}&captchaid=${id}`);
      expect(solved.kind).toBe('listing');
      // 25GV0002 is in the same region (25) and accepts the pair; 27GV0001 (region 27) does not apply it.
      beh.setBehaviour('25GV0002', 'captcha');
      beh.setBehaviour('27GV0002', 'captcha');
      const sameRegion = searchUrl(beh, '25GV0002', q);
      expect((await getParsed(`${sameRegion}&captcha=${answer}&captchaid=${id}`)).kind).toBe('listing');
      const otherRegion = searchUrl(beh, '27GV0002', q);
      expect((await getParsed(`${otherRegion}&captcha=${answer}&captchaid=${id}`)).kind).toBe('captcha');
      // Cards are not behind the captcha.
      const card = solved.listing!.rows[0]!.cardUrl!;
      expect((await getParsed(card)).kind).toBe('card');
      beh.setBehaviour('25GV0002', 'ok');
    });

    it('blocked: the WAF page with 403, or 200 when asked', async () => {
      const url = searchUrl(beh, '25GV0004', q);
      const page = await get(url);
      expect(page.status).toBe(403);
      expect(page.html).toContain('заблокирован по соображениям безопасности');
      expect(parsePage(page.bytes, url, page.contentType).kind).toBe('blocked');
      beh.setBehaviour('25GV0004', { kind: 'blocked', status: 200 });
      expect((await getParsed(url)).status).toBe(200);
    });

    it('flaky: a burst of 503s with Retry-After, then pages', async () => {
      const url = searchUrl(beh, '27GV0001', q);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(url);
        await res.arrayBuffer();
        statuses.push(res.status);
        if (res.status === 503) expect(res.headers.get('retry-after')).toBe('1');
      }
      expect(statuses).toEqual([503, 503, 200, 200]);
    });

    it('down, antibot and layout-change pages are recognised for what they are', async () => {
      const code = '25GV0003';
      const url = searchUrl(beh, code, q);
      for (const [behaviour, kind] of [
        ['down', 'down'],
        ['antibot', 'antibot'],
        ['layout-change', 'unknown'],
      ] as const) {
        beh.setBehaviour(code, behaviour);
        const page = await getParsed(url);
        expect(page.status).toBe(200);
        expect(page.kind).toBe(kind);
      }
      beh.setBehaviour(code, 'ok');
    });

    it('slow: answers after the delay', async () => {
      beh.setBehaviour('25GV0005', { kind: 'slow', delayMs: 300 });
      const started = Date.now();
      const page = await getParsed(searchUrl(beh, '25GV0005', q));
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(['listing', 'empty']).toContain(page.kind);
      const last = beh.requests.filter((r) => r.court === '25GV0005').at(-1)!;
      expect(last.endedAt - last.startedAt).toBeGreaterThanOrEqual(290);
      beh.setBehaviour('25GV0005', 'ok');
    });

    it('logs every request with its court and timing', () => {
      expect(beh.requests.length).toBeGreaterThan(10);
      for (const r of beh.requests) {
        expect(r.court).toMatch(/^\d{2}(GV|OV)\d{4}$/);
        expect(r.path).toMatch(new RegExp(`^/${r.court}/`));
        expect(r.endedAt).toBeGreaterThanOrEqual(r.startedAt);
      }
    });
  });
});
