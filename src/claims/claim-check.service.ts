import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { partName } from '../common/query-fields.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { checkClaim, type ClaimCheckInput, type ClaimCheckResult, type ClaimVerdict } from '../trends/stats/claim-check.js';
import type { WeeklyCountPoint } from '../trends/weekly-counts.service.js';
import { WeeklyCountsService } from '../trends/weekly-counts.service.js';
import { claimWeeks, totalPerWeek } from './claim-period.js';
import type { StoredClaimParams } from './claims.service.js';
import { SentenceShareService, type SentenceShare } from './sentence-share.service.js';

export interface BaselineSummary {
  from: string;
  to: string;
  weeks: number;
  total: number;
  meanPerWeek: number;
  meanCoverage: number | null;
}

export interface ClaimCheckReport {
  checkId: string;
  checkedAt: string;
  claimId: string | null;
  params: StoredClaimParams;
  /** The ISO weeks that stand for the period (those whose Thursday lies in it). */
  weeks: { from: string; to: string };
  expected: { unit: StoredClaimParams['expectedUnit']; value: number; perWeek: number | null; tolerance: number };
  verdict: ClaimVerdict;
  /** Why no statistical test could be run, when none was. */
  reason?: string;
  /** checkClaim's answer: weeks used and left out, Garwood intervals, dispersion, Mann-Kendall, Sen's slope. */
  statistics: ClaimCheckResult | null;
  baseline?: BaselineSummary;
  observedRatio?: number | null;
  sentences?: SentenceShare;
}

/**
 * Checks a claim against the stored weekly counts with the pure checkClaim, leaving out the weeks still
 * inside the publication lag, and records every check in claim_checks.
 */
@Injectable()
export class ClaimCheckService {
  constructor(
    private readonly db: DataSource,
    private readonly counts: WeeklyCountsService,
    private readonly sentences: SentenceShareService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async check(params: StoredClaimParams, claimId: string | null): Promise<ClaimCheckReport> {
    const weeks = claimWeeks(params.periodFrom, params.periodTo);
    const outcome = params.expectedUnit === 'share' ? await this.shareCheck(params) : await this.seriesCheck(params, weeks);
    const body = { claimId, params: { ...params, part: partName(params.part) }, weeks, ...outcome };
    const [{ id, checked_at }] = await this.db.query(
      `INSERT INTO claim_checks (claim_id, params, result, verdict) VALUES ($1, $2, $3, $4)
       RETURNING id::text, to_char(checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS checked_at`,
      [claimId, JSON.stringify(body.params), JSON.stringify(outcome), outcome.verdict],
    );
    return { checkId: id, checkedAt: checked_at, ...body };
  }

  private async seriesCheck(p: StoredClaimParams, weeks: { from: string; to: string }) {
    const filter = { series: p.series, article: p.article, part: p.part, court: p.court, level: p.level, region: p.region };
    const rows = await this.counts.series({ ...filter, ...weeks });
    let baseline: BaselineSummary | undefined;
    if (p.expectedUnit === 'ratio') {
      const b = claimWeeks(p.baselineFrom!, p.baselineTo!);
      baseline = summarise(await this.counts.series({ ...filter, ...b }), b);
    }
    // What the claim expects, as checkClaim takes it: per month it converts itself; the rest become a weekly rate.
    const claimed: ClaimCheckInput['expected'] =
      p.expectedUnit === 'per-month' ? { value: p.expected, per: 'month' }
      : p.expectedUnit === 'period-total' ? { value: totalPerWeek(p.expected, p.periodFrom, p.periodTo), per: 'week' }
      : p.expectedUnit === 'ratio' ? { value: p.expected * baseline!.meanPerWeek, per: 'week' }
      : { value: p.expected, per: 'week' };
    const expected = { unit: p.expectedUnit, value: p.expected, perWeek: claimed.per === 'week' ? claimed.value : null, tolerance: p.tolerance };

    const lagWeeks = rows.filter((r) => r.incomplete).length; // the lag's weeks are always the newest
    if (rows.length === lagWeeks) {
      return { expected, verdict: 'insufficient-coverage' as const, statistics: null, baseline,
        reason: 'every week of the period is still inside the publication lag' };
    }
    const statistics = checkClaim({
      rows: rows.map((r) => ({ week: r.week, count: r.count, coverage: r.coverage ?? 0 })),
      expected: claimed,
      tolerance: p.tolerance,
      coverageThreshold: this.env.COVERAGE_THRESHOLD,
      lagWeeks,
    });
    expected.perWeek = statistics.expectedPerWeek;
    let verdict = statistics.verdict;
    let reason: string | undefined;
    if (baseline && baseline.weeks === 0) {
      verdict = 'insufficient-coverage';
      reason = 'the baseline period has no complete week';
    } else if (baseline && (baseline.meanCoverage ?? 0) < this.env.COVERAGE_THRESHOLD) {
      verdict = 'insufficient-coverage';
      reason = `the baseline period's mean coverage is below ${this.env.COVERAGE_THRESHOLD}`;
    }
    const observedRatio = baseline ? (baseline.meanPerWeek > 0 ? statistics.meanPerWeek / baseline.meanPerWeek : null) : undefined;
    return { expected, verdict, reason, statistics, baseline, observedRatio };
  }

  private async shareCheck(p: StoredClaimParams) {
    const sentences = await this.sentences.count(p, this.env.COVERAGE_THRESHOLD);
    return {
      expected: { unit: p.expectedUnit, value: p.expected, perWeek: null, tolerance: p.tolerance },
      verdict: sentences.verdict,
      reason: sentences.reason,
      statistics: null,
      sentences,
    };
  }
}

function summarise(rows: WeeklyCountPoint[], weeks: { from: string; to: string }): BaselineSummary {
  const complete = rows.filter((r) => !r.incomplete);
  const total = complete.reduce((s, r) => s + r.count, 0);
  const covered = complete.map((r) => r.coverage ?? 0);
  return {
    ...weeks,
    weeks: complete.length,
    total,
    meanPerWeek: complete.length ? total / complete.length : 0,
    meanCoverage: covered.length ? covered.reduce((s, c) => s + c, 0) / covered.length : null,
  };
}
