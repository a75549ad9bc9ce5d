import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ClaimCheckService, type ClaimCheckReport } from '../claims/claim-check.service.js';
import { ClaimsService, type Claim } from '../claims/claims.service.js';
import { storedPart } from '../common/query-fields.js';

/** The claim the trend view draws unless the URL names another. */
export const DEFAULT_CLAIM = 'mediazona-100-verdicts-per-week-june-2023';
const CHECK_TTL_MS = 60_000;

export interface ClaimIndexEntry {
  id: string;
  slug: string | null;
  statement: string;
  sourceName: string | null;
  verdict: string | null;
}

/** What the page shows of a claim check: the verdict and the numbers behind it, nothing per-row. */
export interface ClaimCheckSummary {
  checkedAt: string;
  verdict: string;
  reason: string | null;
  weeks: { from: string; to: string };
  expected: { unit: string; value: number; perWeek: number | null; tolerance: number };
  /** expected per week · (1 ± tolerance), when the claim is a weekly rate. */
  band: [number, number] | null;
  meanPerWeek: number | null;
  total: number | null;
  /** The interval the verdict uses (Garwood widened for over-dispersion), and Garwood's own. */
  interval90: [number, number] | null;
  garwood90: [number, number] | null;
  mannKendallP: number | null;
  mannKendallZ: number | null;
  senSlopePerWeek: number | null;
  weeksUsed: number;
  weeksLeftOut: number;
  meanCoverage: number | null;
  observedRatio: number | null;
}

export interface ClaimView extends ClaimIndexEntry {
  sourceUrl: string;
  publishedOn: string | null;
  note: string | null;
  params: Claim['params'];
  check: ClaimCheckSummary | null;
}

/**
 * Claims for the dashboard, read through the claims feature's own services (looked up once; the claims
 * module does not export them). A check is recorded by the claims feature each time it runs, so the page
 * reuses one per claim for a minute instead of checking again on every filter change.
 */
@Injectable()
export class ClaimSummaries {
  private readonly log = new Logger('dashboard');
  private readonly checks = new Map<string, { at: number; summary: Promise<ClaimCheckSummary | null> }>();

  constructor(private readonly refs: ModuleRef) {}

  private service<T>(type: abstract new (...args: never[]) => T): T | null {
    try {
      return this.refs.get(type, { strict: false });
    } catch {
      return null;
    }
  }

  async index(): Promise<Claim[]> {
    return (await this.service(ClaimsService)?.list()) ?? [];
  }

  /** The claim `ref` (id or slug; default the 100-a-week claim), with a fresh-enough check; null for `none` or unknown. */
  async view(ref: string | undefined, claims: Claim[]): Promise<ClaimView | null> {
    const wanted = ref ?? DEFAULT_CLAIM;
    if (wanted === 'none') return null;
    const claim = claims.find((c) => c.id === wanted || c.slug === wanted);
    if (!claim) return null;
    return { ...entry(claim), sourceUrl: claim.sourceUrl, publishedOn: claim.publishedOn, note: claim.note, params: claim.params, check: await this.check(claim) };
  }

  private check(claim: Claim): Promise<ClaimCheckSummary | null> {
    const cached = this.checks.get(claim.id);
    if (cached && Date.now() - cached.at < CHECK_TTL_MS) return cached.summary;
    const checker = this.service(ClaimCheckService);
    const summary = checker
      ? checker.check({ ...claim.params, part: storedPart(claim.params.part) }, claim.id).then(summarise, (err: Error) => {
          this.log.warn(`claim ${claim.id} check failed: ${err.message}`);
          this.checks.delete(claim.id);
          return null;
        })
      : Promise.resolve(null);
    this.checks.set(claim.id, { at: Date.now(), summary });
    return summary;
  }
}

export function entry(c: Claim): ClaimIndexEntry {
  return { id: c.id, slug: c.slug, statement: c.statement, sourceName: c.sourceName, verdict: c.lastCheck?.verdict ?? null };
}

function summarise(r: ClaimCheckReport): ClaimCheckSummary {
  const s = r.statistics;
  const perWeek = r.expected.perWeek;
  const band: [number, number] | null = s ? [s.band[0], s.band[1]] : perWeek !== null ? [perWeek * (1 - r.expected.tolerance), perWeek * (1 + r.expected.tolerance)] : null;
  return {
    checkedAt: r.checkedAt,
    verdict: r.verdict,
    reason: r.reason ?? null,
    weeks: r.weeks,
    expected: r.expected,
    band,
    meanPerWeek: s?.meanPerWeek ?? null,
    total: s?.total ?? null,
    interval90: s ? [s.dispersion.interval90[0], s.dispersion.interval90[1]] : null,
    garwood90: s ? [s.garwood90[0], s.garwood90[1]] : null,
    mannKendallP: s?.mannKendall.pTwoSided ?? null,
    mannKendallZ: s?.mannKendall.Z ?? null,
    senSlopePerWeek: s?.senSlopePerWeek ?? null,
    weeksUsed: s?.weeks ?? 0,
    weeksLeftOut: s?.weeksLeftOut.length ?? 0,
    meanCoverage: s?.meanCoverage ?? null,
    observedRatio: r.observedRatio ?? null,
  };
}
