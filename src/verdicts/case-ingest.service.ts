import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseCard, Defendant, Instance, ListingRow } from '../../scrapers/sudrf/types.js';

export interface IngestedRow {
  caseNumber: string;
  cardUrl: string | null;
  /** New case, or its listing row changed since it was last seen: its card is worth (re)fetching. */
  changed: boolean;
}

/** Fingerprint of what a listing row says; a changed fingerprint means the case moved on. */
export function rowHash(row: ListingRow): string {
  const { caseNumber, receivedOn, decidedOn, result, legalForceOn, defendants, actUrls } = row;
  const payload = JSON.stringify([caseNumber, receivedOn, decidedOn, result, legalForceOn, defendants, actUrls]);
  return createHash('sha1').update(payload).digest('hex');
}

/**
 * Idempotent upserts of cases and defendants on their natural keys (court, case number, instance), so a
 * re-crawl, a retried job or a re-parse never double-counts. One statement per table per page.
 */
@Injectable()
export class CaseIngestService {
  constructor(private readonly db: DataSource) {}

  async ingestListing(court: string, instance: Instance, rows: ListingRow[], pageId: string): Promise<IngestedRow[]> {
    if (!rows.length) return [];
    const unique = [...new Map(rows.map((r) => [r.caseNumber, r])).values()];
    return this.db.transaction(async (tx) => {
      const hashes = unique.map(rowHash);
      const before: { case_number: string; row_hash: string | null; card_fetched_at: Date | null }[] = await tx.query(
        `SELECT case_number, row_hash, card_fetched_at FROM cases
          WHERE court_code = $1 AND instance = $2 AND case_number = ANY($3)`,
        [court, instance, unique.map((r) => r.caseNumber)],
      );
      const known = new Map(before.map((b) => [b.case_number, b]));
      const ids: { id: string; case_number: string }[] = await tx.query(
        `INSERT INTO cases (court_code, instance, case_number, site_case_id, uid, received_on, decided_on, result, outcome,
                            legal_force_on, judge, card_url, row_hash, page_id)
         SELECT $1, $2, n, sid, uid, rcv::date, dec::date, res, oc, lf::date, j, u, h, $14
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::text[], $13::text[]) AS t(n, sid, uid, rcv, dec, res, oc, lf, j, u, h)
         ON CONFLICT (court_code, case_number, instance) DO UPDATE SET
           site_case_id = COALESCE(EXCLUDED.site_case_id, cases.site_case_id),
           uid = COALESCE(EXCLUDED.uid, cases.uid),
           received_on = EXCLUDED.received_on, decided_on = EXCLUDED.decided_on,
           result = EXCLUDED.result, outcome = EXCLUDED.outcome, legal_force_on = EXCLUDED.legal_force_on,
           judge = EXCLUDED.judge, card_url = COALESCE(EXCLUDED.card_url, cases.card_url),
           row_hash = EXCLUDED.row_hash, page_id = EXCLUDED.page_id, last_seen_at = now()
         RETURNING id, case_number`,
        [
          court,
          instance,
          unique.map((r) => r.caseNumber),
          unique.map((r) => r.caseId),
          unique.map((r) => r.caseUid),
          unique.map((r) => r.receivedOn),
          unique.map((r) => r.decidedOn),
          unique.map((r) => r.result),
          unique.map((r) => r.outcome),
          unique.map((r) => r.legalForceOn),
          unique.map((r) => r.judge),
          unique.map((r) => r.cardUrl),
          hashes,
          pageId,
        ],
      );
      const idOf = new Map(ids.map((r) => [r.case_number, r.id]));
      await this.replaceDefendants(
        tx,
        unique.map((r) => ({ caseId: idOf.get(r.caseNumber)!, defendants: r.defendants })),
      );
      return unique.map((r, i) => {
        const prev = known.get(r.caseNumber);
        return { caseNumber: r.caseNumber, cardUrl: r.cardUrl, changed: !prev || prev.row_hash !== hashes[i] || !prev.card_fetched_at };
      });
    });
  }

  /** A card refines a case the listing announced: per-defendant results and the judicial UID. */
  async ingestCard(court: string, instance: Instance, card: CaseCard, pageId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows: { id: string }[] = await tx.query(
        `INSERT INTO cases (court_code, instance, case_number, uid, received_on, decided_on, result, outcome,
                            legal_force_on, judge, page_id, card_fetched_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
         ON CONFLICT (court_code, case_number, instance) DO UPDATE SET
           uid = COALESCE(EXCLUDED.uid, cases.uid),
           received_on = COALESCE(EXCLUDED.received_on, cases.received_on),
           decided_on = COALESCE(EXCLUDED.decided_on, cases.decided_on),
           result = COALESCE(EXCLUDED.result, cases.result),
           outcome = COALESCE(EXCLUDED.outcome, cases.outcome),
           legal_force_on = COALESCE(EXCLUDED.legal_force_on, cases.legal_force_on),
           judge = COALESCE(EXCLUDED.judge, cases.judge),
           card_fetched_at = now(), last_seen_at = now()
         RETURNING id`,
        [court, instance, card.caseNumber, card.uid, card.receivedOn, card.decidedOn, card.result, card.outcome,
          card.legalForceOn, card.judge, pageId],
      );
      if (card.defendants.length) await this.replaceDefendants(tx, [{ caseId: rows[0].id, defendants: card.defendants }]);
    });
  }

  private async replaceDefendants(
    tx: EntityManager,
    cases: { caseId: string; defendants: Defendant[] }[],
  ): Promise<void> {
    const caseIds: string[] = [];
    const positions: number[] = [];
    const names: (string | null)[] = [];
    const articles: string[] = [];
    const results: (string | null)[] = [];
    const outcomes: (string | null)[] = [];
    const dates: (string | null)[] = [];
    for (const c of cases) {
      c.defendants.forEach((d, i) => {
        caseIds.push(c.caseId);
        positions.push(i);
        names.push(d.name);
        articles.push(JSON.stringify(d.articles));
        results.push(d.result);
        outcomes.push(d.outcome);
        dates.push(d.decidedOn);
      });
    }
    const all = cases.map((c) => c.caseId);
    await tx.query(
      `DELETE FROM defendants d USING unnest($1::bigint[], $2::int[]) AS keep(case_id, n)
        WHERE d.case_id = keep.case_id AND d.position >= keep.n`,
      [all, cases.map((c) => c.defendants.length)],
    );
    if (caseIds.length) {
      // A listing knows less than a card: what it leaves blank keeps what the card said.
      await tx.query(
        `INSERT INTO defendants (case_id, position, name, articles, result, outcome, decided_on)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::date[])
         ON CONFLICT (case_id, position) DO UPDATE SET
           name = COALESCE(EXCLUDED.name, defendants.name),
           articles = CASE WHEN jsonb_array_length(EXCLUDED.articles) > 0 THEN EXCLUDED.articles ELSE defendants.articles END,
           result = COALESCE(EXCLUDED.result, defendants.result),
           outcome = COALESCE(EXCLUDED.outcome, defendants.outcome),
           decided_on = COALESCE(EXCLUDED.decided_on, defendants.decided_on)`,
        [caseIds, positions, names, articles, results, outcomes, dates],
      );
    }
    await tx.query(`DELETE FROM case_charges WHERE case_id = ANY($1::bigint[])`, [all]);
    await tx.query(
      `INSERT INTO case_charges (case_id, article, part)
       SELECT DISTINCT d.case_id, a->>'article', COALESCE(a->>'part', '')
         FROM defendants d, jsonb_array_elements(d.articles) a
        WHERE d.case_id = ANY($1::bigint[])`,
      [all],
    );
  }
}
