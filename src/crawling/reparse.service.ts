import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ParseService } from './parse.service.js';

/** Applies a parser fix to history: every stored page is parsed again, nothing is fetched. */
@Injectable()
export class ReparseService {
  constructor(
    private readonly db: DataSource,
    private readonly parse: ParseService,
  ) {}

  async run(since?: string, onPage?: (done: number) => void): Promise<{ pages: number; kinds: Record<string, number> }> {
    const kinds: Record<string, number> = {};
    let lastId = '0';
    let pages = 0;
    for (;;) {
      const batch: { id: string; url: string; court_code: string | null; run_id: string | null; page_no: number | null }[] =
        await this.db.query(
          `SELECT p.id, p.url, p.court_code, rp.run_id, rp.page_no
             FROM pages p
             LEFT JOIN LATERAL (SELECT run_id, page_no FROM crawl_run_pages WHERE page_id = p.id LIMIT 1) rp ON true
            WHERE p.id > $1 AND ($2::timestamptz IS NULL OR p.last_fetched_at >= $2) AND p.court_code IS NOT NULL
            ORDER BY p.id LIMIT 500`,
          [lastId, since ?? null],
        );
      if (!batch.length) break;
      for (const p of batch) {
        const card = /[?&]name_op=case(&|$)/.test(p.url);
        if (!card && !p.run_id) continue; // a listing page whose search is unknown cannot be re-counted
        const kind = await this.parse.handle(
          { court: p.court_code!, pageId: p.id, purpose: card ? 'card' : 'listing', runId: p.run_id ?? undefined, pageNo: p.page_no ?? undefined },
          false,
        );
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        onPage?.(++pages);
      }
      lastId = batch[batch.length - 1].id;
    }
    return { pages, kinds };
  }
}
