import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findCourt, militaryCourts } from '../../scrapers/sudrf/court-registry.js';
import type { Court } from '../../scrapers/sudrf/types.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

/** The court registry in the database: seeded from scrapers/sudrf, filtered by CRAWL_COURTS. */
@Injectable()
export class CourtsService {
  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async seed(): Promise<void> {
    const c = militaryCourts;
    await this.db.query(
      `INSERT INTO courts (code, name, level, hosts, region, captcha, form)
       SELECT code, name, level, string_to_array(hosts, ' '), region, captcha, form
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[])
           AS t(code, name, level, hosts, region, captcha, form)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, hosts = EXCLUDED.hosts,
         region = EXCLUDED.region, captcha = EXCLUDED.captcha, form = EXCLUDED.form`,
      [
        c.map((x) => x.code),
        c.map((x) => x.name),
        c.map((x) => x.level),
        c.map((x) => x.hosts.join(' ')),
        c.map((x) => x.region),
        c.map((x) => x.captcha),
        c.map((x) => x.form),
      ],
    );
  }

  /** Courts to crawl: CRAWL_COURTS when set (unknown codes are an error), else every enabled court. */
  async crawlable(only?: string[]): Promise<Court[]> {
    const wanted = only?.length ? only : this.env.CRAWL_COURTS;
    for (const code of wanted) if (!findCourt(code)) throw new Error(`unknown court code: ${code}`);
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM courts WHERE enabled ORDER BY code`);
    const enabled = rows.map((r) => findCourt(r.code)!).filter(Boolean);
    return wanted.length ? enabled.filter((c) => wanted.includes(c.code)) : enabled;
  }

  get(code: string): Court {
    const court = findCourt(code);
    if (!court) throw new Error(`unknown court code: ${code}`);
    return court;
  }
}
