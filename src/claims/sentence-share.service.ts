import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClaimVerdict } from '../trends/stats/claim-check.js';
import type { StoredClaimParams } from './claims.service.js';
import { wilsonInterval } from './wilson-interval.js';

export interface SentenceShare {
  /** Convicted defendants charged under the article, decided in the period (first instance). */
  verdicts: number;
  /** Of those, how many have a sentence we can read (the published result names a punishment). */
  withReadableSentence: number;
  suspended: number;
  /** suspended / withReadableSentence, null when none is readable. */
  share: number | null;
  interval90: [number, number] | null;
  /** withReadableSentence / verdicts: how much of the claim's population the texts cover. */
  sentenceCoverage: number | null;
  band: [number, number];
  verdict: ClaimVerdict;
  reason?: string;
}

// A result that names a punishment is a readable sentence; «условно» makes it suspended.
const PUNISHMENT =
  'лишени[ея] свободы|штраф|условн|исправительн\\w* работ|обязательн\\w* работ|принудительн\\w* работ|ограничени[ея] свободы|' +
  'ограничени[ея] по (военной )?службе|арест|дисциплинарн\\w* воинск';

/**
 * Claims about a share of sentences (e.g. "more than half are suspended") need the sentence of each
 * verdict, which only the published act texts or a detailed result give. Counts how many verdicts have one
 * and, when enough do, tests the share with a Wilson interval against the claim's band.
 */
@Injectable()
export class SentenceShareService {
  constructor(private readonly db: DataSource) {}

  async count(p: StoredClaimParams, coverageThreshold: number): Promise<SentenceShare> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS verdicts,
              count(*) FILTER (WHERE t.text ~* $8)::int AS readable,
              count(*) FILTER (WHERE t.text ~* $8 AND t.text ~* 'условн')::int AS suspended
         FROM defendants d
         JOIN cases c ON c.id = d.case_id
         JOIN courts co ON co.code = c.court_code
         CROSS JOIN LATERAL (SELECT COALESCE(d.result, '') || ' ' || COALESCE(c.result, '') AS text) t
        WHERE c.instance = 'first' AND COALESCE(d.outcome, c.outcome) = 'conviction'
          AND COALESCE(d.decided_on, c.decided_on) BETWEEN $1::date AND $2::date
          AND d.articles @> jsonb_build_array(jsonb_build_object('article', $3::text))
          AND ($4::text = '*' OR d.articles @> jsonb_build_array(jsonb_build_object('article', $3::text, 'part', NULLIF($4::text, ''))))
          AND ($5::text IS NULL OR c.court_code = $5) AND ($6::text IS NULL OR co.level = $6) AND ($7::text IS NULL OR co.region = $7)`,
      [p.periodFrom, p.periodTo, p.article, p.part, p.court ?? null, p.level ?? null, p.region ?? null, PUNISHMENT],
    );
    const { verdicts, readable, suspended } = row as { verdicts: number; readable: number; suspended: number };
    const band: [number, number] = [p.expected * (1 - p.tolerance), Math.min(1, p.expected * (1 + p.tolerance))];
    const interval90 = wilsonInterval(suspended, readable, 0.9);
    const sentenceCoverage = verdicts ? readable / verdicts : null;
    const base = { verdicts, withReadableSentence: readable, suspended, share: readable ? suspended / readable : null, interval90, sentenceCoverage, band };
    if (!verdicts) return { ...base, verdict: 'insufficient-coverage', reason: 'no verdicts stored for the period' };
    if (sentenceCoverage! < coverageThreshold || !interval90) {
      return {
        ...base,
        verdict: 'insufficient-coverage',
        reason: `needs act texts: only ${readable} of ${verdicts} verdicts have a readable sentence (threshold ${coverageThreshold})`,
      };
    }
    const [low, high] = interval90;
    const verdict: ClaimVerdict = low >= band[0] && high <= band[1] ? 'supported' : high < band[0] || low > band[1] ? 'contradicted' : 'inconclusive';
    return { ...base, verdict };
  }
}
