import pg from 'pg';
import { migrate } from '../service.js';

const MARK = 'verdict-watch demo';

/**
 * Empties the demo's database before a new demo crawl. It refuses a database that holds data and was not
 * made by a demo, so a demo can never wipe real crawls.
 */
export async function resetDemoDatabase(url: string): Promise<void> {
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ n, comment }] = (
      await client.query(
        `SELECT (SELECT count(*) FROM pages)::int AS n,
                shobj_description((SELECT oid FROM pg_database WHERE datname = current_database()), 'pg_database') AS comment`,
      )
    ).rows;
    if (n > 0 && comment !== MARK) {
      throw new Error(
        `the database at DATABASE_URL holds crawled pages that no demo made; point DATABASE_URL at a scratch database for the demo`,
      );
    }
    await client.query(`COMMENT ON DATABASE "${(await client.query('SELECT current_database() AS d')).rows[0].d}" IS '${MARK}'`);
    // Everything but the migrations' own table; the service seeds courts, claims and sources again at start.
    const { rows } = await client.query(
      `SELECT string_agg(quote_ident(tablename), ', ') AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`,
    );
    if (rows[0].t) await client.query(`TRUNCATE ${rows[0].t} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
