import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseCard, Defendant, Instance, ListingRow } from '../../scrapers/sudrf/types.js';

export interface IngestResult {
  rows: IngestedRow[];
  /** Receipt and decision dates, before and after, of every case that changed: the weeks to recount. */
  touchedDates: string[];
}

export interface IngestedRow {
  caseNumber: string;
  cardUrl: string | null;
  /** New case, or its listing row changed since it was last seen, or its card was never read: worth (re)fetching. */
  changed: boolean;
  /** Fingerprint of the row as seen now (see rowHash). */
  hash: string;
}

/** Fingerprint of what a listing row says; a changed fingerprint means the case moved on. */
export function rowHash(row: ListingRow): string {
  const { caseNumber, receivedOn, decidedOn, result, legalForceOn, defendants, actUrls } = row;
  const payload = JSON.stringify([caseNumber, receivedOn, decidedOn, result, legalForceOn, defendants, actUrls]);
  return createHash('sha1').update(payload).digest('hex');
}

const UPSERT_CASES = `
  WITH input AS (
    SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[],
                         $10::date[], $11::text[], $12::text[], $13::text[]) AS t(n, sid, uid, rcv, dec, res, oc, lf, j, u, h)
  ), before AS (
    SELECT case_number, row_hash, card_fetched_at IS NOT NULL AS has_card, received_on, decided_on
      FROM cases WHERE court_code = $1 AND instance = $2 AND case_number = ANY($3::text[])
  ), up AS (
    INSERT INTO cases (court_code, instance, case_number, site_case_id, uid, received_on, decided_on, result, outcome,
                       legal_force_on, judge, card_url, row_hash, page_id)
    SELECT $1, $2, n, sid, uid, rcv, dec, res, oc, lf, j, u, h, $14 FROM input
    ON CONFLICT (court_code, case_number, instance) DO UPDATE SET
      site_case_id = COALESCE(EXCLUDED.site_case_id, cases.site_case_id),
      uid = COALESCE(EXCLUDED.uid, cases.uid),
      received_on = EXCLUDED.received_on, decided_on = EXCLUDED.decided_on,
      result = EXCLUDED.result, outcome = EXCLUDED.outcome, legal_force_on = EXCLUDED.legal_force_on,
      judge = EXCLUDED.judge, card_url = COALESCE(EXCLUDED.card_url, cases.card_url),
      row_hash = EXCLUDED.row_hash, page_id = COALESCE(EXCLUDED.page_id, cases.page_id), last_seen_at = now()
    RETURNING id, case_number, received_on, decided_on
  )
  SELECT up.id, up.case_number, before.row_hash AS old_hash, COALESCE(before.has_card, false) AS has_card,
         ARRAY[to_char(up.received_on, 'YYYY-MM-DD'), to_char(up.decided_on, 'YYYY-MM-DD'),
               to_char(before.received_on, 'YYYY-MM-DD'), to_char(before.decided_on, 'YYYY-MM-DD')] AS dates
    FROM up LEFT JOIN before USING (case_number)`;

// Defendants and the (article, part) charges derived from them, for the cases whose listing row changed.
// Upserts plus deletes of rows that are gone, so a case keeps no stale defendant or charge.
const REPLACE_DEFENDANTS = `
  WITH d AS (
    SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::date[])
      AS t(case_id, position, name, articles, result, outcome, decided_on)
  ), upsert AS (
    INSERT INTO defendants (case_id, position, name, articles, result, outcome, decided_on) SELECT * FROM d
    ON CONFLICT (case_id, position) DO UPDATE SET
      name = COALESCE(EXCLUDED.name, defendants.name),
      articles = CASE WHEN jsonb_array_length(EXCLUDED.articles) > 0 THEN EXCLUDED.articles ELSE defendants.articles END,
      result = COALESCE(EXCLUDED.result, defendants.result),
      outcome = COALESCE(EXCLUDED.outcome, defendants.outcome),
      decided_on = COALESCE(EXCLUDED.decided_on, defendants.decided_on)
  ), cases_ AS (
    SELECT * FROM unnest($8::bigint[], $9::int[]) AS k(case_id, n)
  ), gone AS (
    DELETE FROM defendants x USING cases_ k WHERE x.case_id = k.case_id AND x.position >= k.n
  ), ch AS (
    SELECT * FROM unnest($10::bigint[], $11::text[], $12::text[]) AS t(case_id, article, part)
  ), stale AS (
    DELETE FROM case_charges x USING cases_ k WHERE x.case_id = k.case_id
       AND NOT EXISTS (SELECT 1 FROM ch WHERE ch.case_id = x.case_id AND ch.article = x.article AND ch.part = x.part)
  )
  INSERT INTO case_charges (case_id, article, part) SELECT * FROM ch ON CONFLICT DO NOTHING`;

/**
 * Idempotent upserts of cases and defendants on their natural keys (court, case number, instance), so a
 * re-crawl, a retried job or a re-parse never double-counts. Two statements per batch of rows; a row that
 * did not change since it was last seen only has its last_seen_at moved.
 */
@Injectable()
export class CaseIngestService {
  constructor(private readonly db: DataSource) {}

  /** `recountAll`: report every row's dates, not only changed rows' (a retried job: its first try may have stored rows it never counted). */
  async ingestListing(court: string, instance: Instance, rows: ListingRow[], pageId: string | null, recountAll = false): Promise<IngestResult> {
    if (!rows.length) return { rows: [], touchedDates: [] };
    const unique = [...new Map(rows.map((r) => [r.caseNumber, r])).values()];
    const hashes = unique.map(rowHash);
    return this.db.transaction(async (tx) => {
      const upserted: { id: string; case_number: string; old_hash: string | null; has_card: boolean; dates: (string | null)[] }[] =
        await tx.query(UPSERT_CASES, [
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
      ]);
      const byNumber = new Map(upserted.map((u) => [u.case_number, u]));
      const changed = unique.filter((r, i) => byNumber.get(r.caseNumber)!.old_hash !== hashes[i]);
      await this.replaceDefendants(tx, changed.map((r) => ({ caseId: byNumber.get(r.caseNumber)!.id, defendants: r.defendants })));
      const touchedDates = (recountAll ? unique : changed).flatMap((r) => byNumber.get(r.caseNumber)!.dates).filter((d): d is string => d !== null);
      const ingested = unique.map((r, i) => {
        const u = byNumber.get(r.caseNumber)!;
        return { caseNumber: r.caseNumber, cardUrl: r.cardUrl, changed: u.old_hash !== hashes[i] || !u.has_card, hash: hashes[i] };
      });
      return { rows: ingested, touchedDates };
    });
  }

  /**
   * A card refines a case the listing announced: per-defendant results and the judicial UID. Returns the dates
   * whose weeks need recounting, none when the card agrees with what was stored (the usual case).
   */
  async ingestCard(court: string, instance: Instance, card: CaseCard, pageId: string, recountAll = false): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const [row]: { id: string; dates: (string | null)[]; same_dates: boolean; charges: string | null }[] = await tx.query(
        `WITH before AS (
           SELECT c.received_on, c.decided_on, c.outcome,
                  (SELECT string_agg(article || '|' || part, ',') FROM case_charges WHERE case_id = c.id) AS charges
             FROM cases c WHERE court_code = $1 AND instance = $2 AND case_number = $3
         ), up AS (
           INSERT INTO cases (court_code, instance, case_number, uid, received_on, decided_on, result, outcome,
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
           RETURNING id, received_on, decided_on, outcome
         )
         SELECT up.id, before.charges,
                ARRAY[to_char(up.received_on, 'YYYY-MM-DD'), to_char(up.decided_on, 'YYYY-MM-DD'),
                      to_char(before.received_on, 'YYYY-MM-DD'), to_char(before.decided_on, 'YYYY-MM-DD')] AS dates,
                (before.received_on IS NOT DISTINCT FROM up.received_on AND before.decided_on IS NOT DISTINCT FROM up.decided_on
                 AND before.outcome IS NOT DISTINCT FROM up.outcome) AS same_dates
           FROM up LEFT JOIN before ON true`,
        [court, instance, card.caseNumber, card.uid, card.receivedOn, card.decidedOn, card.result, card.outcome,
          card.legalForceOn, card.judge, pageId],
      );
      let sameCharges = true;
      if (card.defendants.length) {
        const charges = [...new Set(card.defendants.flatMap((d) => d.articles.map((a) => `${a.article}|${a.part ?? ''}`)))].sort().join(',');
        sameCharges = charges === (row.charges ?? '').split(',').filter(Boolean).sort().join(',');
        await this.replaceDefendants(tx, [{ caseId: row.id, defendants: card.defendants }]);
      }
      return row.same_dates && sameCharges && !recountAll ? [] : row.dates.filter((d): d is string => d !== null);
    });
  }

  private async replaceDefendants(tx: EntityManager, cases: { caseId: string; defendants: Defendant[] }[]): Promise<void> {
    if (!cases.length) return;
    const d = { caseId: [] as string[], position: [] as number[], name: [] as (string | null)[], articles: [] as string[], result: [] as (string | null)[], outcome: [] as (string | null)[], decidedOn: [] as (string | null)[] };
    const ch = { caseId: [] as string[], article: [] as string[], part: [] as string[] };
    for (const c of cases) {
      const charges = new Set<string>();
      c.defendants.forEach((x, i) => {
        d.caseId.push(c.caseId);
        d.position.push(i);
        d.name.push(x.name);
        d.articles.push(JSON.stringify(x.articles));
        d.result.push(x.result);
        d.outcome.push(x.outcome);
        d.decidedOn.push(x.decidedOn);
        for (const a of x.articles) charges.add(`${a.article}\u0000${a.part ?? ''}`);
      });
      for (const key of charges) {
        const [article, part] = key.split('\u0000');
        ch.caseId.push(c.caseId);
        ch.article.push(article);
        ch.part.push(part);
      }
    }
    await tx.query(REPLACE_DEFENDANTS, [
      d.caseId, d.position, d.name, d.articles, d.result, d.outcome, d.decidedOn,
      cases.map((c) => c.caseId), cases.map((c) => c.defendants.length),
      ch.caseId, ch.article, ch.part,
    ]);
  }
}
