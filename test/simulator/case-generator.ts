// Generates a court's cases from the seed: Poisson weekly arrivals, a mix of articles and parts,
// several defendants per case, every outcome, decision and legal-force dates, publication lag.
import type { Court, Outcome } from '../../scrapers/sudrf/types.js';
import { dayOf, mondayOf, workday, yearOf, isoOf } from './calendar.js';
import { inventDefendant, inventOfficial } from './names.js';
import { Rng, hashSeed } from './prng.js';

export interface SimCharge {
  article: string;
  part: string | null;
  point: string | null;
}

export interface SimDefendant {
  name: string;
  charges: SimCharge[];
  /** «ст.337 ч.5; ст.228 ч.1 УК РФ», what the site shows and what its article filter searches. */
  articlesText: string;
  result: string | null;
  resultDetail: string | null;
  outcome: Outcome | null;
}

export type SimInstance = 'first' | 'appeal';

export interface SimCase {
  court: string;
  instance: SimInstance;
  caseId: number;
  judicialUid: string;
  number: string;
  receivedDay: number;
  /** Null while the case is pending (and for the few cases never decided). */
  decidedDay: number | null;
  legalForceDay: number | null;
  result: string | null;
  outcome: Outcome | null;
  judge: string;
  defendants: SimDefendant[];
  /** Days after receipt (and after decision) before the site shows the case (and its decision). */
  lagDays: number;
  act: { id: number; kind: string } | null;
  /** The row is printed without the legal-force cell (7 cells). */
  sevenCells: boolean;
  appealOf?: { court: string; number: string };
}

export interface CourtProfile {
  /** The whole listing has 7 columns (no «Дата вступления в законную силу»). */
  sevenColumns: boolean;
  /** The card has the ИСПОЛНИТЕЛЬНЫЕ ЛИСТЫ tab (so СУДЕБНЫЕ АКТЫ is cont6, else cont5). */
  execTab: boolean;
  /** Relative size of the court's caseload. */
  scale: number;
  judges: string[];
  prosecutor: string;
}

export interface GenerationParams {
  seed: number;
  fromDay: number;
  toDay: number;
  meanWeeklyCases: number;
  publicationLagDays: number;
}

export const RESULTS: Record<Exclude<Outcome, 'other'>, string> = {
  conviction: 'Вынесен ПРИГОВОР',
  terminated: 'Уголовное дело ПРЕКРАЩЕНО',
  returned: 'Возвращено прокурору или руководителю следственного органа',
  transferred: 'Направлено по подсудности',
  acquittal: 'Вынесен оправдательный приговор',
  merged: 'Соединено с другим делом',
};

const OUTCOMES: Exclude<Outcome, 'other'>[] = ['conviction', 'terminated', 'returned', 'transferred', 'acquittal', 'merged'];
const OUTCOME_WEIGHTS = [0.83, 0.08, 0.04, 0.03, 0.01, 0.01];

const SENTENCES = ['Лишение свободы', 'Наказание в виде лишения свободы условно', 'Штраф', 'Лишение свободы в колонии-поселении'];

const APPEAL_RESULTS = ['Оставлено без изменения', 'Изменено', 'Отменено с направлением на новое рассмотрение'];
const APPEAL_WEIGHTS = [0.7, 0.2, 0.1];

type Kind = readonly [article: string, part: string | null, point: string | null, weight: number];

/** Main charge of a case: Art. 337 parts dominate; the other tracked articles; untracked ones; 337.1 decoys. */
const MIX: readonly Kind[] = [
  ['337', '5', null, 0.25],
  ['337', '2.1', null, 0.22],
  ['337', '3.1', null, 0.12],
  ['337', '1', null, 0.01],
  ['337', '3', null, 0.01],
  ['337', '4', null, 0.01],
  ['337.1', '1', null, 0.02],
  ['338', '1', null, 0.03],
  ['338', '2', null, 0.02],
  ['332', '2.1', null, 0.05],
  ['332', '1', null, 0.01],
  ['339', '1', null, 0.01],
  ['339', '2', null, 0.005],
  ['339', null, null, 0.005],
  ['328', '1', null, 0.02],
  ['328', '2', null, 0.01],
  ['334', '1', null, 0.02],
  ['335', '2', 'в', 0.02],
  ['228', '2', null, 0.04],
  ['158', '2', 'в', 0.03],
  ['264.1', '1', null, 0.03],
  ['222', '1', null, 0.015],
  ['286', '3', 'а', 0.01],
  ['226', '1', null, 0.005],
];
const MIX_WEIGHTS = MIX.map((k) => k[3]);

/** Extra charges some defendants carry next to the main one. */
const SECONDARY: readonly Kind[] = [
  ['228', '1', null, 1],
  ['158', '1', null, 1],
  ['337.1', '1', null, 0.5],
  ['338', '1', null, 0.5],
  ['334', '1', null, 0.5],
  ['222', '1', null, 0.5],
];
const SECONDARY_WEIGHTS = SECONDARY.map((k) => k[3]);

const MOBILISATION = dayOf('2022-09-21');

/** Caseload over time: low before mobilisation, ramping up to mid-2023, then growing slowly. */
export function trend(day: number): number {
  let f: number;
  if (day < MOBILISATION) f = 0.35;
  else {
    const t = day - MOBILISATION;
    f = t < 280 ? 0.35 + (0.65 * t) / 280 : Math.min(1.7, 1 + ((t - 280) / 730) * 0.7);
  }
  const iso = isoOf(day);
  const md = iso.slice(5);
  if (md >= '12-29' || md <= '01-08') f *= 0.3; // New Year holidays
  return f;
}

export function courtProfile(court: Court, seed: number): CourtProfile {
  const rng = new Rng(hashSeed(seed, court.code, 'profile'));
  const scale =
    court.level === 'garrison' ? Math.min(3, Math.max(0.25, Math.exp(0.55 * rng.normal()))) : court.level === 'okrug' ? 0.12 : 0;
  const judges = Array.from({ length: rng.int(3, 6) }, () => inventOfficial(rng));
  return {
    sevenColumns: rng.chance(0.12),
    execTab: rng.chance(0.5),
    scale,
    judges,
    prosecutor: inventOfficial(rng),
  };
}

function chargeOf(k: Kind): SimCharge {
  return { article: k[0], part: k[1], point: k[2] };
}

export function articlesText(charges: SimCharge[]): string {
  return (
    charges.map((c) => `ст.${c.article}${c.part ? ` ч.${c.part}` : ''}${c.point ? ` п.${c.point}` : ''}`).join('; ') + ' УК РФ'
  );
}

function sameCharge(a: SimCharge, b: SimCharge): boolean {
  return a.article === b.article && a.part === b.part && a.point === b.point;
}

function makeDefendants(rng: Rng, main: Kind): SimDefendant[] {
  const count = rng.weighted([1, 2, 3], [0.86, 0.1, 0.04]);
  const out: SimDefendant[] = [];
  for (let i = 0; i < count; i++) {
    let first: SimCharge;
    if (i === 0) first = chargeOf(main);
    else {
      const r = rng.next();
      if (r < 0.7) first = chargeOf(main);
      else if (r < 0.9) {
        const sameArticle = MIX.filter((k) => k[0] === main[0]);
        first = chargeOf(rng.weighted(sameArticle, sameArticle.map((k) => k[3])));
      } else first = chargeOf(rng.weighted(MIX, MIX_WEIGHTS));
    }
    // A part left out by the clerk: the article is still charged, without a part.
    if (first.part && rng.chance(0.01)) first = { ...first, part: null, point: null };
    const charges = [first];
    if (rng.chance(0.08)) {
      const extra = chargeOf(rng.weighted(SECONDARY, SECONDARY_WEIGHTS));
      if (!charges.some((c) => sameCharge(c, extra))) charges.push(extra);
    }
    out.push({ name: inventDefendant(rng), charges, articlesText: articlesText(charges), result: null, resultDetail: null, outcome: null });
  }
  return out;
}

/** The case's `case_uid` (a GUID in the card link), derived when a page needs it. */
export function caseUidOf(c: SimCase): string {
  return new Rng(hashSeed(c.caseId, c.court, c.number)).guid();
}

function judicialUid(code: string, year: number, serial: number, rng: Rng): string {
  return `${code}-01-${year}-${String(serial % 1_000_000).padStart(6, '0')}-${String(rng.int(1, 99)).padStart(2, '0')}`;
}

/** First-instance criminal cases of one court, in case-number order. */
export function generateFirstInstance(court: Court, profile: CourtProfile, p: GenerationParams): SimCase[] {
  if (profile.scale <= 0) return [];
  const rng = new Rng(hashSeed(p.seed, court.code, 'first'));
  const start = mondayOf(p.fromDay) - 26 * 7;
  const raw: { received: number; main: Kind }[] = [];
  for (let monday = start; monday <= p.toDay; monday += 7) {
    const n = rng.poisson(p.meanWeeklyCases * profile.scale * trend(monday));
    for (let i = 0; i < n; i++) {
      const received = monday + rng.int(0, 4);
      if (received > p.toDay) continue;
      raw.push({ received, main: rng.weighted(MIX, MIX_WEIGHTS) });
    }
  }
  raw.sort((a, b) => a.received - b.received);

  const index = court.level === 'okrug' ? '2' : '1';
  const seqByYear = new Map<number, number>();
  let caseId = rng.int(1_000_000, 9_000_000);
  let actId = rng.int(10_000_000, 90_000_000);
  let uidSerial = rng.int(100, 900);
  const cases: SimCase[] = [];
  for (const { received, main } of raw) {
    const year = yearOf(received);
    let seq = seqByYear.get(year);
    if (seq === undefined) {
      const dayOfYear = received - dayOf(`${year}-01-01`);
      seq = Math.round(dayOfYear * 0.4 * Math.max(profile.scale, 0.2)) + rng.int(0, 3);
    }
    seq += 1 + (rng.chance(0.3) ? rng.int(1, 3) : 0); // numbers of other, unpublished cases in between
    seqByYear.set(year, seq);
    uidSerial += rng.int(1, 12);
    caseId += rng.int(1, 40);

    const defendants = makeDefendants(rng, main);
    const lagDays = rng.int(0, Math.max(0, p.publicationLagDays));
    let decidedDay: number | null = null;
    if (!rng.chance(0.02)) {
      let delay = 12 + Math.round(rng.exponential(28));
      if (rng.chance(0.05)) delay += rng.int(60, 200);
      decidedDay = workday(received + delay);
    }
    let result: string | null = null;
    let outcome: Outcome | null = null;
    let legalForceDay: number | null = null;
    let act: SimCase['act'] = null;
    if (decidedDay !== null) {
      const o = rng.weighted(OUTCOMES, OUTCOME_WEIGHTS);
      outcome = o;
      result = RESULTS[o];
      const splitOff = o === 'conviction' && defendants.length > 1 && rng.chance(0.1) ? rng.int(1, defendants.length - 1) : -1;
      defendants.forEach((d, i) => {
        const dOutcome: Outcome = i === splitOff ? 'terminated' : o;
        d.outcome = dOutcome;
        d.result = RESULTS[dOutcome as Exclude<Outcome, 'other'>];
        d.resultDetail = dOutcome === 'conviction' ? rng.pick(SENTENCES) : null;
      });
      const lfDelay = o === 'conviction' || o === 'acquittal' || o === 'terminated' ? rng.int(11, 35) : rng.int(11, 20);
      legalForceDay = workday(decidedDay + lfDelay);
      if (o !== 'merged' && rng.chance(0.65)) {
        actId += rng.int(1, 500);
        act = { id: actId, kind: o === 'conviction' || o === 'acquittal' ? 'Приговор' : 'Постановление' };
      }
    }
    cases.push({
      court: court.code,
      instance: 'first',
      caseId,
      judicialUid: judicialUid(court.code, year, uidSerial, rng),
      number: `${index}-${seq}/${year}`,
      receivedDay: received,
      decidedDay,
      legalForceDay,
      result,
      outcome,
      judge: rng.pick(profile.judges),
      defendants,
      lagDays,
      act,
      sevenCells: profile.sevenColumns || rng.chance(0.03),
    });
  }
  return cases;
}

/** The court that hears appeals against a court's first-instance verdicts, among the simulated ones. */
export function appealCourtFor(court: Court, simulated: readonly Court[]): Court | undefined {
  if (court.level === 'garrison') return simulated.find((c) => c.level === 'okrug' && c.code.slice(0, 2) === court.code.slice(0, 2));
  if (court.level === 'okrug') return simulated.find((c) => c.level === 'appeal');
  return undefined;
}

/**
 * Appeals against some first-instance verdicts, filed at the okrug court sharing the garrison's
 * code prefix (or at the Appeal Military Court for okrug verdicts). Updates the first-instance
 * cases' legal-force dates to the appeal decision. Returns the appeal cases per court code.
 */
export function generateAppeals(
  courts: readonly Court[],
  profiles: ReadonlyMap<string, CourtProfile>,
  firstInstance: ReadonlyMap<string, SimCase[]>,
  p: GenerationParams,
): Map<string, SimCase[]> {
  const pending = new Map<string, { origin: SimCase; received: number; rngSeed: number }[]>();
  for (const court of courts) {
    const target = appealCourtFor(court, courts);
    if (!target) continue;
    const rng = new Rng(hashSeed(p.seed, court.code, 'appealed'));
    for (const c of firstInstance.get(court.code) ?? []) {
      if (c.outcome !== 'conviction' || c.decidedDay === null) continue;
      if (!rng.chance(0.2)) continue;
      const list = pending.get(target.code) ?? [];
      list.push({ origin: c, received: workday(c.decidedDay + rng.int(15, 45)), rngSeed: rng.int(0, 2 ** 31) });
      pending.set(target.code, list);
    }
  }
  const out = new Map<string, SimCase[]>();
  for (const [code, list] of pending) {
    const profile = profiles.get(code)!;
    const rng = new Rng(hashSeed(p.seed, code, 'appeal'));
    list.sort((a, b) => a.received - b.received || a.origin.court.localeCompare(b.origin.court) || a.origin.caseId - b.origin.caseId);
    const seqByYear = new Map<number, number>();
    let caseId = rng.int(1_000_000, 9_000_000);
    let actId = rng.int(10_000_000, 90_000_000);
    const cases: SimCase[] = [];
    for (const { origin, received, rngSeed } of list) {
      const r = new Rng(rngSeed);
      const year = yearOf(received);
      const seq = (seqByYear.get(year) ?? r.int(0, 5)) + 1 + (r.chance(0.3) ? r.int(1, 2) : 0);
      seqByYear.set(year, seq);
      caseId += r.int(1, 40);
      const decidedDay = workday(received + r.int(20, 70));
      const result = r.weighted(APPEAL_RESULTS, APPEAL_WEIGHTS);
      origin.legalForceDay = result === APPEAL_RESULTS[2] ? null : decidedDay;
      let act: SimCase['act'] = null;
      if (r.chance(0.6)) {
        actId += r.int(1, 500);
        act = { id: actId, kind: 'Апелляционное определение' };
      }
      cases.push({
        court: code,
        instance: 'appeal',
        caseId,
        judicialUid: origin.judicialUid,
        number: `22-${seq}/${year}`,
        receivedDay: received,
        decidedDay,
        legalForceDay: decidedDay,
        result,
        outcome: 'other',
        judge: r.pick(profile.judges),
        defendants: origin.defendants.map((d) => ({ ...d, result, resultDetail: null, outcome: 'other' as const })),
        lagDays: r.int(0, Math.max(0, p.publicationLagDays)),
        act,
        sevenCells: profile.sevenColumns,
        appealOf: { court: origin.court, number: origin.number },
      });
    }
    out.set(code, cases);
  }
  return out;
}
