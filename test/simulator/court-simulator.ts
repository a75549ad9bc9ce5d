// One local HTTP server standing in for every military court's site: `/<CODE>/modules.php?…`.
// Cases are generated from a seed at start; pages are rendered on demand as windows-1251 bytes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findCourt, militaryCourts } from '../../scrapers/sudrf/court-registry.js';
import type { Court } from '../../scrapers/sudrf/types.js';
import { type Behaviour, type BehaviourSpec, flakyFails, normalizeBehaviour } from './behaviours.js';
import { dayOf, isoOf } from './calendar.js';
import { CaptchaBook } from './captcha.js';
import { renderActPage, renderCard } from './card-page.js';
import {
  type CourtProfile,
  type GenerationParams,
  type SimCase,
  type SimInstance,
  courtProfile,
  generateAppeals,
  generateFirstInstance,
} from './case-generator.js';
import { PAGE_SIZE, decisionVisible, isVisible, searchCases } from './case-search.js';
import { encodeCp1251, parseCp1251Query } from './cp1251.js';
import {
  renderAntibot,
  renderBadRequest,
  renderBlocked,
  renderCourtHome,
  renderDown,
  renderEmptyResult,
  renderInactiveModule,
  renderNoHearings,
  renderServiceUnavailable,
} from './error-pages.js';
import { type GroundTruth, weeklyTruth } from './ground-truth.js';
import { renderChangedListing, renderListing } from './listing-page.js';
import { readModuleRequest } from './module-request.js';
import { hashSeed, Rng } from './prng.js';
import { renderSearchForm } from './search-form-page.js';

export type { Behaviour, BehaviourKind, BehaviourSpec } from './behaviours.js';
export type { GroundTruth, TruthRow, Series } from './ground-truth.js';
export type { SimCase, SimDefendant, SimCharge } from './case-generator.js';

export const DEFAULT_ARTICLES = ['337', '338', '332', '339', '328'];

export interface CourtSimulatorOptions {
  seed?: number;
  /** The first N courts of the registry (garrison and okrug courts first, then the appeal and cassation courts), or court codes. Default: all 111. */
  courts?: number | string[];
  /** ISO dates: the window cases are generated for (receipts from 26 weeks before `from` up to `to`). */
  from: string;
  to: string;
  /** The simulated "today": what is published by then is on the site. Default: `to` + publicationLagDays. */
  now?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** A case (and later its decision) appears on the site up to this many days late; default 14. */
  publicationLagDays?: number;
  behaviours?: Record<string, Behaviour>;
  /** Tracked articles counted in the truth; default 337, 338, 332, 339, 328. */
  articles?: string[];
  /** Mean cases received per week by an average garrison court at the mid-2023 level; default 1.7. */
  meanWeeklyCases?: number;
  /** A court answers only its own search form (registry `form`), the other gets the silent empty page. Default true. */
  strictForms?: boolean;
  /** How long a solved captcha pair is accepted across its region; default 6 h. */
  captchaTtlMs?: number;
  /** Latency of every court answer, fixed or drawn from [min, max] ms (real sites take 30–120 s); default 1–5 ms, so requests to different courts overlap as they would. */
  latencyMs?: number | { min: number; max: number };
}

export type ServedKind =
  | 'listing'
  | 'changed-listing'
  | 'empty'
  | 'form'
  | 'captcha'
  | 'card'
  | 'act'
  | 'bad-request'
  | 'inactive'
  | 'hearings'
  | 'home'
  | 'blocked'
  | 'down'
  | 'antibot'
  | 'unavailable'
  | 'not-found'
  | 'control'
  | 'mounted';

/** Serves `/<prefix>/…` beside the courts (e.g. the news outlets of news-site.ts). */
export type MountedHandler = (req: IncomingMessage, res: ServerResponse, path: string) => void;

export interface RequestRecord {
  /** Court code from the first path segment; null for requests outside any court. */
  court: string | null;
  /** Path and query as requested. */
  path: string;
  /** Epoch milliseconds, with sub-millisecond precision: when the request arrived and when the answer was sent. */
  startedAt: number;
  endedAt: number;
  status: number;
  kind: ServedKind;
}

export interface CourtSimulator {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly courts: readonly Court[];
  readonly requests: RequestRecord[];
  /** `http://127.0.0.1:<port>/<CODE>/`: the base the service builds the court's URLs from. */
  baseUrlFor(code: string): string;
  truth(): GroundTruth;
  setBehaviour(code: string, behaviour: Behaviour): void;
  behaviourOf(code: string): BehaviourSpec;
  /** The answer to the captcha the court showed last (one is issued if none was shown yet). */
  captchaAnswer(code: string): string;
  /** The digits shown by the captcha image with this captchaid (what a person would read off it). */
  captchaAnswerFor(captchaId: string): string | undefined;
  currentCaptcha(code: string): { id: string; answer: string };
  /** The simulated today (ISO); moving it publishes (or hides) cases. */
  readonly now: string;
  setNow(iso: string): void;
  /** The generated cases of a court (all, published or not), in case-number order. */
  cases(code: string, instance?: SimInstance): readonly SimCase[];
  /** Counts of what is published now: first-instance cases and their defendants, appeal cases. */
  stats(): { courts: number; cases: number; defendants: number; appealCases: number };
  /** Hands `/<prefix>/…` to another handler; its requests are recorded with kind 'mounted'. */
  mount(prefix: string, handler: MountedHandler): void;
  close(): Promise<void>;
}

interface CourtModel {
  court: Court;
  profile: CourtProfile;
  first: SimCase[];
  appeal: SimCase[];
  byCaseId: Map<number, SimCase>;
  byActId: Map<number, SimCase>;
}

function selectCourts(spec: number | string[] | undefined): Court[] {
  if (Array.isArray(spec)) {
    return spec.map((code) => {
      const court = findCourt(code);
      if (!court) throw new RangeError(`unknown court code: ${code}`);
      return court;
    });
  }
  const ordered = [
    ...militaryCourts.filter((c) => c.level === 'garrison' || c.level === 'okrug'),
    ...militaryCourts.filter((c) => c.level === 'appeal'),
    ...militaryCourts.filter((c) => c.level === 'cassation'),
  ];
  return ordered.slice(0, spec ?? ordered.length);
}

function buildModels(courts: readonly Court[], params: GenerationParams): Map<string, CourtModel> {
  const profiles = new Map(courts.map((c) => [c.code, courtProfile(c, params.seed)]));
  const first = new Map(courts.map((c) => [c.code, generateFirstInstance(c, profiles.get(c.code)!, params)]));
  const appeals = generateAppeals(courts, profiles, first, params);
  const models = new Map<string, CourtModel>();
  for (const court of courts) {
    const model: CourtModel = {
      court,
      profile: profiles.get(court.code)!,
      first: first.get(court.code)!,
      appeal: appeals.get(court.code) ?? [],
      byCaseId: new Map(),
      byActId: new Map(),
    };
    for (const c of [...model.first, ...model.appeal]) {
      model.byCaseId.set(c.caseId, c);
      if (c.act) model.byActId.set(c.act.id, c);
    }
    models.set(court.code, model);
  }
  return models;
}

export async function startCourtSimulator(opts: CourtSimulatorOptions): Promise<CourtSimulator> {
  const seed = opts.seed ?? 1;
  const fromDay = dayOf(opts.from);
  const toDay = dayOf(opts.to);
  if (toDay < fromDay) throw new RangeError(`from ${opts.from} is after to ${opts.to}`);
  const publicationLagDays = opts.publicationLagDays ?? 14;
  let nowDay = opts.now ? dayOf(opts.now) : toDay + publicationLagDays;
  const articles = opts.articles ?? DEFAULT_ARTICLES;
  const strictForms = opts.strictForms ?? true;
  const courts = selectCourts(opts.courts);
  const models = buildModels(courts, { seed, fromDay, toDay, publicationLagDays, meanWeeklyCases: opts.meanWeeklyCases ?? 1.7 });

  const behaviours = new Map<string, BehaviourSpec>();
  const requestCounts = new Map<string, number>();
  const setBehaviour = (code: string, b: Behaviour) => {
    const key = code.toUpperCase();
    if (!models.has(key)) throw new RangeError(`court ${code} is not simulated`);
    behaviours.set(key, normalizeBehaviour(b));
    requestCounts.set(key, 0);
  };
  for (const [code, b] of Object.entries(opts.behaviours ?? {})) setBehaviour(code, b);
  const behaviourOf = (code: string): BehaviourSpec => behaviours.get(code.toUpperCase()) ?? { kind: 'ok' };

  const captchas = new CaptchaBook(seed, opts.captchaTtlMs ?? 6 * 3600_000);
  const requests: RequestRecord[] = [];
  const mounts = new Map<string, MountedHandler>();
  const timers = new Set<NodeJS.Timeout>();
  const latencyRng = new Rng(hashSeed(seed, 'latency'));
  const latency = (): number => {
    const l = opts.latencyMs ?? { min: 1, max: 5 };
    return typeof l === 'number' ? l : l.min + latencyRng.next() * (l.max - l.min);
  };
  const clock = () => performance.timeOrigin + performance.now();
  let incident = 0;

  const truth = (): GroundTruth => {
    const all = [...models.values()].flatMap((m) => m.first);
    return {
      weekly: weeklyTruth(all, { fromDay, toDay, nowDay, articles }),
      courts: courts.map((c) => ({ code: c.code, behaviour: behaviourOf(c.code).kind })),
      params: { seed, from: opts.from, to: opts.to, now: isoOf(nowDay), publicationLagDays, articles: [...articles] },
    };
  };

  /** Renders a court page: [status, html, kind]. */
  function courtPage(model: CourtModel, rest: string, rawQuery: string): [number, string, ServedKind] {
    const { court, profile } = model;
    if (rest === '' || rest === 'index.php') return [200, renderCourtHome(court), 'home'];
    if (rest !== 'modules.php') return [404, renderEmptyResult(court), 'not-found'];
    const params = parseCp1251Query(rawQuery);
    const req = readModuleRequest(params, court, strictForms);
    const spec = behaviourOf(court.code);
    switch (req.op) {
      case 'search': {
        if (spec.kind === 'captcha' && !captchas.accepts(court.region, params.get('captcha'), params.get('captchaid'))) {
          const captcha = captchas.issue(court.code, court.region);
          const error = params.has('captcha') ? 'Неверно указан проверочный код с картинки.' : undefined;
          return [200, renderSearchForm({ court, form: req.form, instance: req.criteria.instance, captcha, error }), 'captcha'];
        }
        const pool = req.criteria.instance === 'first' ? model.first : model.appeal;
        const found = searchCases(pool, req.criteria, nowDay);
        const pages = Math.ceil(found.length / PAGE_SIZE);
        if (found.length === 0 || req.page > pages) return [200, renderEmptyResult(court), 'empty'];
        const view = {
          court,
          instance: req.criteria.instance,
          rows: found.slice((req.page - 1) * PAGE_SIZE, req.page * PAGE_SIZE),
          total: found.length,
          page: req.page,
          pageSize: PAGE_SIZE,
          rawQuery,
          pageParam: req.pageParam,
          sevenColumns: profile.sevenColumns,
          nowDay,
        };
        return spec.kind === 'layout-change' ? [200, renderChangedListing(view), 'changed-listing'] : [200, renderListing(view), 'listing'];
      }
      case 'form': {
        const captcha = spec.kind === 'captcha' ? captchas.issue(court.code, court.region) : undefined;
        return [200, renderSearchForm({ court, form: req.form, instance: req.instance, captcha }), 'form'];
      }
      case 'card': {
        const c = model.byCaseId.get(req.caseId);
        if (!c || !isVisible(c, nowDay)) return [200, renderEmptyResult(court), 'empty'];
        return [200, renderCard(court, profile, c, nowDay), 'card'];
      }
      case 'doc': {
        const c = model.byActId.get(req.number);
        if (!c || !decisionVisible(c, nowDay)) return [200, renderEmptyResult(court), 'empty'];
        return [200, renderActPage(court, c, req.textNumber), 'act'];
      }
      case 'hearings':
        return [200, renderNoHearings(court, req.date), 'hearings'];
      case 'bad-request':
        return [200, renderBadRequest(court), 'bad-request'];
      case 'inactive':
        return [200, renderInactiveModule(court), 'inactive'];
      case 'empty':
        return [200, renderEmptyResult(court), 'empty'];
    }
  }

  function control(path: string[], res: ServerResponse): ServedKind {
    let body: unknown;
    if (path[1] === 'truth') body = truth();
    else if (path[1] === 'captcha' && path[2] && models.has(path[2].toUpperCase())) body = sim.currentCaptcha(path[2]);
    else body = { courts: courts.map((c) => ({ code: c.code, name: c.name, level: c.level, form: c.form, baseUrl: sim.baseUrlFor(c.code), behaviour: behaviourOf(c.code).kind })), now: isoOf(nowDay) };
    const bytes = Buffer.from(JSON.stringify(body));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length });
    res.end(bytes);
    return 'control';
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = clock();
    const path = req.url ?? '/';
    const q = path.indexOf('?');
    const rawQuery = q < 0 ? '' : path.slice(q + 1);
    const segments = (q < 0 ? path : path.slice(0, q)).split('/').filter(Boolean);
    const code = segments[0]?.toUpperCase() ?? null;
    const model = code ? models.get(code) : undefined;
    const record: RequestRecord = { court: model ? code : null, path, startedAt, endedAt: startedAt, status: 0, kind: 'not-found' };
    requests.push(record);
    res.on('finish', () => {
      record.endedAt = clock();
      record.status = res.statusCode;
    });

    const mounted = segments[0] && !model ? mounts.get(segments[0]) : undefined;
    if (mounted) {
      record.kind = 'mounted';
      mounted(req, res, path);
      return;
    }
    if (!model) {
      record.kind = segments.length === 0 || segments[0] === '__sim' ? control(segments, res) : 'not-found';
      if (record.kind === 'not-found') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`no simulated court ${segments[0] ?? ''}\n`);
      }
      return;
    }
    const spec = behaviourOf(model.court.code);
    const n = requestCounts.get(model.court.code) ?? 0;
    requestCounts.set(model.court.code, n + 1);

    const respond = () => {
      let status: number;
      let html: string;
      const headers: Record<string, string | number> = { 'Content-Type': 'text/html; charset=windows-1251' };
      if (spec.kind === 'flaky' && flakyFails(spec, n)) {
        [status, html, record.kind] = [503, renderServiceUnavailable(), 'unavailable'];
        headers['Retry-After'] = spec.retryAfterSeconds ?? 1;
      } else if (spec.kind === 'blocked') {
        [status, html, record.kind] = [spec.status ?? 403, renderBlocked(`${hashSeed(seed, model.court.code, String(++incident))}`), 'blocked'];
      } else if (spec.kind === 'down') {
        [status, html, record.kind] = [200, renderDown(model.court), 'down'];
      } else if (spec.kind === 'antibot') {
        [status, html, record.kind] = [spec.status ?? 200, renderAntibot(new Rng(hashSeed(seed, 'qrator', String(++incident))).hex(32)), 'antibot'];
      } else {
        try {
          [status, html, record.kind] = courtPage(model, segments.slice(1).join('/'), rawQuery);
        } catch (e) {
          status = 500;
          html = `<html><body>simulator error: ${String(e).replace(/[<>&]/g, '')}</body></html>`;
          record.kind = 'unavailable';
        }
      }
      const bytes = encodeCp1251(html);
      headers['Content-Length'] = bytes.length;
      res.writeHead(status, headers);
      res.end(bytes);
    };
    const delay = latency() + (spec.kind === 'slow' ? (spec.delayMs ?? 1500) : 0);
    if (delay <= 0) respond();
    else {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) respond();
      }, delay);
      timers.add(t);
    }
  }

  const server = createServer(handle);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;

  const sim: CourtSimulator = {
    url,
    port,
    courts,
    requests,
    baseUrlFor: (code) => `${url}/${code.toUpperCase()}/`,
    truth,
    setBehaviour,
    behaviourOf,
    captchaAnswer: (code) => sim.currentCaptcha(code).answer,
    captchaAnswerFor: (id) => captchas.answerFor(id),
    currentCaptcha: (code) => {
      const model = models.get(code.toUpperCase());
      if (!model) throw new RangeError(`court ${code} is not simulated`);
      const c = captchas.current(model.court.code, model.court.region);
      return { id: c.id, answer: c.answer };
    },
    get now() {
      return isoOf(nowDay);
    },
    setNow: (iso) => {
      nowDay = dayOf(iso);
    },
    cases: (code, instance) => {
      const model = models.get(code.toUpperCase());
      if (!model) return [];
      return instance === 'appeal' ? model.appeal : instance === 'first' ? model.first : [...model.first, ...model.appeal];
    },
    stats: () => {
      let cases = 0;
      let defendants = 0;
      let appealCases = 0;
      for (const m of models.values()) {
        for (const c of m.first) {
          if (!isVisible(c, nowDay)) continue;
          cases++;
          defendants += c.defendants.length;
        }
        for (const c of m.appeal) if (isVisible(c, nowDay)) appealCases++;
      }
      return { courts: courts.length, cases, defendants, appealCases };
    },
    mount: (prefix, handler) => {
      mounts.set(prefix, handler);
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return sim;
}
