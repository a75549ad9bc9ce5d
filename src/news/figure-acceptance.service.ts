import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createClaimSchema } from '../claims/claim.schema.js';
import { ClaimsService, type Claim } from '../claims/claims.service.js';
import { InvalidParameterError } from '../common/errors/invalid-parameter.error.js';
import { NotFoundError } from '../common/errors/not-found.error.js';
import { claimInputFor, type FigureSource } from './figure-claim.js';
import type { AcceptFigure } from './news-query.schema.js';
import { toFigure, type FigureView } from './news-query.service.js';

/** An admin's decision on a candidate figure: accepted into the claims list (through ClaimsService), or rejected. */
@Injectable()
export class FigureAcceptanceService {
  constructor(
    private readonly db: DataSource,
    private readonly claims: ClaimsService,
  ) {}

  /** Accepting twice returns the claim made the first time. */
  async accept(id: string, body: AcceptFigure): Promise<{ figure: FigureView; claim: Claim }> {
    const f = await this.load(id);
    if (f.status === 'accepted' && f.claimId) return { figure: f.view, claim: await this.claims.get(f.claimId) };
    const parsed = createClaimSchema.safeParse(claimInputFor(f.source, body));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || 'body';
      const hint = field === 'periodFrom' || field === 'periodTo' ? ' (the figure does not say which period it speaks of)' : '';
      throw new InvalidParameterError(field, `${issue.message}${hint}`, 'body');
    }
    const claim = await this.claims.create(parsed.data);
    // UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const [rows] = await this.db.query(
      `UPDATE news_figures SET status = 'accepted', claim_id = $2 WHERE id = $1
       RETURNING *, id::text AS id, item_id::text AS item_id, claim_id::text AS claim_id`,
      [id, claim.id],
    );
    return { figure: toFigure(rows[0]), claim };
  }

  async reject(id: string): Promise<FigureView> {
    const f = await this.load(id);
    if (f.status === 'accepted') throw new InvalidParameterError('id', `figure ${id} is already claim ${f.claimId}; delete the claim instead`, 'param');
    const [rows] = await this.db.query(
      `UPDATE news_figures SET status = 'rejected' WHERE id = $1 RETURNING *, id::text AS id, item_id::text AS item_id, claim_id::text AS claim_id`,
      [id],
    );
    return toFigure(rows[0]);
  }

  private async load(id: string): Promise<{ source: FigureSource; status: string; claimId: string | null; view: FigureView }> {
    const [r] = await this.db.query(
      `SELECT f.*, f.id::text AS id, f.item_id::text AS item_id, f.claim_id::text AS claim_id,
              i.url AS item_url, i.published_at, s.url AS feed_url, s.outlet
         FROM news_figures f JOIN news_items i ON i.id = f.item_id JOIN news_sources s ON s.id = i.source_id
        WHERE f.id = $1`,
      [id],
    );
    if (!r) throw new NotFoundError('figure', id);
    const view = toFigure(r);
    return {
      view,
      status: r.status,
      claimId: r.claim_id,
      source: {
        id: view.id,
        value: view.value,
        unit: view.unit as FigureSource['unit'],
        counts: view.counts as FigureSource['counts'],
        period: view.period,
        quote: view.quote,
        url: r.item_url,
        feedUrl: r.feed_url,
        outlet: r.outlet,
        publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      },
    };
  }
}
