import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { scoreLink, type CaseFacts, type LinkScore } from './link-score.js';

/** At most this many cases are linked to one mention (the best first). */
const MAX_LINKS = 3;

const CANDIDATES = `
  SELECT c.id::text, c.court_code, c.decided_on::text AS decided_on,
         CASE WHEN c.outcome = 'conviction' OR EXISTS (SELECT 1 FROM defendants d WHERE d.case_id = c.id AND d.outcome = 'conviction') THEN true
              WHEN c.outcome IS NULL THEN NULL ELSE false END AS convicted,
         COALESCE((SELECT json_agg(json_build_object('article', ch.article, 'part', ch.part)) FROM case_charges ch WHERE ch.case_id = c.id), '[]') AS charges,
         COALESCE((SELECT string_agg(COALESCE(d.result, ''), ' ') FROM defendants d WHERE d.case_id = c.id), '') AS results
    FROM cases c
   WHERE c.court_code = $1 AND c.decided_on BETWEEN $2::date - $3::int AND $2::date + $3::int`;

/**
 * Links news mentions to stored cases: same court, a shared article, decided within
 * NEWS_LINK_WINDOW_DAYS of the date in the text; scored by `scoreLink` and kept from
 * NEWS_LINK_MIN_CONFIDENCE up. A mention's links are replaced as a whole, so linking again is safe.
 */
@Injectable()
export class NewsCaseLinker {
  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Links the given mentions; returns how many links they have now. */
  async link(mentionIds: readonly string[]): Promise<number> {
    if (!mentionIds.length) return 0;
    const mentions: { id: string; court_code: string | null; articles: []; sentence: null; mentioned_on: string | null }[] = await this.db.query(
      `SELECT id::text, court_code, articles, sentence, mentioned_on::text FROM news_mentions WHERE id = ANY($1::bigint[])`,
      [mentionIds],
    );
    let total = 0;
    for (const m of mentions) {
      const facts = { court: m.court_code, articles: m.articles, sentence: m.sentence, date: m.mentioned_on };
      const scored: { caseId: string; score: LinkScore }[] = [];
      if (facts.court && facts.date) {
        const rows: (Omit<CaseFacts, 'courtCode' | 'decidedOn'> & { id: string; court_code: string; decided_on: string })[] = await this.db.query(
          CANDIDATES,
          [facts.court, facts.date, this.env.NEWS_LINK_WINDOW_DAYS],
        );
        for (const r of rows) {
          const score = scoreLink(facts, { ...r, courtCode: r.court_code, decidedOn: r.decided_on }, this.env.NEWS_LINK_WINDOW_DAYS);
          if (score && score.confidence >= this.env.NEWS_LINK_MIN_CONFIDENCE) scored.push({ caseId: r.id, score });
        }
      }
      scored.sort((a, b) => b.score.confidence - a.score.confidence || a.score.dateGapDays - b.score.dateGapDays || Number(a.caseId) - Number(b.caseId));
      const best = scored.slice(0, MAX_LINKS);
      await this.db.transaction(async (tx) => {
        await tx.query(`DELETE FROM news_case_links WHERE mention_id = $1`, [m.id]);
        if (!best.length) return;
        await tx.query(
          `INSERT INTO news_case_links (mention_id, case_id, confidence, rank, date_gap_days, reasons)
           SELECT $1, * FROM unnest($2::bigint[], $3::real[], $4::int[], $5::int[], $6::jsonb[])`,
          [m.id, best.map((b) => b.caseId), best.map((b) => b.score.confidence), best.map((_, i) => i + 1),
            best.map((b) => b.score.dateGapDays), best.map((b) => JSON.stringify(b.score.reasons))],
        );
      });
      total += best.length;
    }
    return total;
  }

  /** Links again every mention dated within NEWS_RELINK_DAYS (cases are published weeks after the news). */
  async relinkRecent(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id::text FROM news_mentions
        WHERE court_code IS NOT NULL AND mentioned_on >= current_date - $1::int ORDER BY id`,
      [this.env.NEWS_RELINK_DAYS],
    );
    return this.link(rows.map((r) => r.id));
  }
}
