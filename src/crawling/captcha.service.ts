import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaptchaChallenge } from '../../scrapers/sudrf/types.js';
import { NotFoundError } from '../common/errors/not-found.error.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { crawlSlot } from './crawl-slot.js';
import { CrawlService } from './crawl.service.js';
import { CourtsService } from './courts.service.js';

export interface WaitingCaptcha {
  court: string;
  name: string;
  region: string;
  imageDataUrl: string | null;
  captchaId: string | null;
  since: string;
}

/**
 * The captcha hand-off: a court that answers with a captcha is never brute-forced; its challenge waits
 * for a person, whose answer is then sent with that region's searches until it expires or is refused.
 */
@Injectable()
export class CaptchaService {
  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    private readonly courts: CourtsService,
    private readonly crawl: CrawlService,
  ) {}

  async recordChallenge(court: string, challenge: CaptchaChallenge | undefined, pageId: string, pageUrl: string): Promise<void> {
    const { region } = this.courts.get(court);
    // A captcha shown although we sent a code means the code is no longer accepted.
    if (/[?&]captcha=\d/.test(pageUrl)) await this.db.query(`DELETE FROM captcha_solutions WHERE region = $1`, [region]);
    if (!challenge?.imageDataUrl) return; // «code rejected» pages carry no new image; keep the last one
    await this.db.query(
      `INSERT INTO captcha_challenges (court_code, region, image_data_url, captcha_id, page_id, seen_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (court_code) DO UPDATE SET image_data_url = EXCLUDED.image_data_url, captcha_id = EXCLUDED.captcha_id,
         page_id = EXCLUDED.page_id, seen_at = now()`,
      [court, region, challenge.imageDataUrl, challenge.captchaId, pageId],
    );
  }

  async waiting(): Promise<WaitingCaptcha[]> {
    const rows = await this.db.query(
      `SELECT c.code AS court, c.name, c.region, ch.image_data_url, ch.captcha_id, ch.seen_at
         FROM courts c JOIN captcha_challenges ch ON ch.court_code = c.code
        WHERE c.captcha_waiting ORDER BY ch.seen_at`,
    );
    return rows.map((r: Record<string, unknown>) => ({
      court: r.court as string,
      name: r.name as string,
      region: r.region as string,
      imageDataUrl: r.image_data_url as string | null,
      captchaId: r.captcha_id as string | null,
      since: (r.seen_at as Date).toISOString(),
    }));
  }

  /** Stores a person's answer for the court's region and resumes the crawls that stopped at a captcha there. */
  async solve(court: string, code: string): Promise<{ region: string; resumed: string[] }> {
    const [challenge] = await this.db.query(`SELECT region, captcha_id FROM captcha_challenges WHERE court_code = $1`, [court]);
    if (!challenge?.captcha_id) throw new NotFoundError('captcha waiting at court', court);
    await this.db.query(
      `INSERT INTO captcha_solutions (region, code, captcha_id, solved_at, expires_at)
       VALUES ($1, $2, $3, now(), now() + $4 * interval '1 millisecond')
       ON CONFLICT (region) DO UPDATE SET code = EXCLUDED.code, captcha_id = EXCLUDED.captcha_id,
         solved_at = EXCLUDED.solved_at, expires_at = EXCLUDED.expires_at`,
      [challenge.region, code, challenge.captcha_id, this.env.CAPTCHA_TTL_MS],
    );
    const stopped: { court_code: string; from: string; to: string }[] = await this.db.query(
      `SELECT r.court_code, to_char(min(r.window_from), 'YYYY-MM-DD') AS from, to_char(max(r.window_to), 'YYYY-MM-DD') AS to
         FROM crawl_runs r JOIN courts c ON c.code = r.court_code
        WHERE c.region = $1 AND c.captcha_waiting AND r.outcome = 'captcha'
          AND NOT EXISTS (SELECT 1 FROM crawl_runs later WHERE later.court_code = r.court_code AND later.date_field = r.date_field
                            AND later.article = r.article AND later.instance = r.instance AND later.window_from <= r.window_from
                            AND later.window_to >= r.window_to AND later.outcome IN ('ok', 'empty') AND later.started_at > r.started_at)
        GROUP BY r.court_code`,
      [challenge.region],
    );
    const slot = crawlSlot(new Date(), 'captcha');
    for (const s of stopped) await this.crawl.enqueue(s.from, s.to, slot, [s.court_code]);
    return { region: challenge.region, resumed: stopped.map((s) => s.court_code) };
  }

  /** Adds the region's solved code to a search URL of a court, when one is known and still fresh. */
  async withSolution(court: string, url: string): Promise<string> {
    const { region } = this.courts.get(court);
    if (/[?&]captcha=/.test(url) || !/[?&]name_op=r(&|$)/.test(url)) return url;
    const [solution] = await this.db.query(
      `SELECT code, captcha_id FROM captcha_solutions WHERE region = $1 AND expires_at > now()`,
      [region],
    );
    if (!solution) return url;
    return `${url}&captcha=${encodeURIComponent(solution.code)}&captchaid=${encodeURIComponent(solution.captcha_id)}`;
  }
}
