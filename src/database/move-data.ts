// Moves everything the embedded database holds to a Postgres server, for the day one laptop is not enough.
//
// The embedded database is Postgres 18 (PGlite): its folder cannot be opened by an older server, and
// pg_dump refuses a server newer than itself. So the data moves as rows, not as a dump: the target gets
// the schema from this version's migrations (the same ones the embedded database ran), then every table of
// the service is copied with COPY … TO STDOUT / COPY … FROM STDIN in text format (portable across versions),
// parents before children, big tables in primary-key chunks so memory stays bounded, all in ONE transaction
// on the target: it ends with every row or none. Sequences continue after the highest id copied, and the row
// counts of both sides are compared before the commit.
//
// Queued jobs (BullMQ's tables) are not moved: a crawl in progress is planned again by the next scheduled
// crawl (or `cli crawl`), and every write is an idempotent upsert. Their number is reported.

import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { migrate } from '../service.js';
import { QUEUE_SCHEMA } from './backend.js';

/** Rows per COPY; pages carry their gzipped body, so a chunk stays in the tens of megabytes. */
const CHUNK_ROWS = 2000;

export interface MoveResult {
  tables: Record<string, number>;
  sequences: number;
  /** Jobs that were queued in the embedded database (not moved). */
  queuedJobs: number;
  seconds: number;
}

interface TableInfo {
  name: string;
  columns: string[];
  /** Primary-key columns with their SQL types, for chunking; empty: copied in one go. */
  key: { column: string; type: string }[];
  parents: string[];
}

export class MoveDataError extends Error {}

/** Copies the service's data from `sourceUrl` (the embedded server) to `targetUrl` (migrated first). */
export async function moveData(sourceUrl: string, targetUrl: string, log: (line: string) => void = () => undefined): Promise<MoveResult> {
  const started = performance.now();
  await migrate(sourceUrl);
  const applied = await migrate(targetUrl);
  if (applied.length) log(`target: applied migrations ${applied.join(', ')}`);
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await source.connect();
  await target.connect();
  try {
    const [sourceMigrations, targetMigrations] = await Promise.all([source, target].map((c) => migrationNames(c)));
    if (sourceMigrations !== targetMigrations) {
      throw new MoveDataError('the two databases are at different migrations; run this with the same verdict-watch version that ran the embedded one');
    }
    const tables = sortByDependencies(await tableInfo(source));
    const busy = await nonEmpty(target, tables.map((t) => t.name).filter((t) => t !== 'courts'));
    if (busy.length) {
      throw new MoveDataError(`the target database already holds data (${busy.join(', ')}); move into a new, empty database`);
    }
    await target.query('BEGIN');
    try {
      // Courts are seeded by every start of the service; the source's rows (with their crawl health) win.
      await target.query(`TRUNCATE ${tables.map((t) => quoteIdent(t.name)).join(', ')} CASCADE`);
      const counts: Record<string, number> = {};
      for (const table of tables) {
        counts[table.name] = await copyTable(source, target, table);
        log(`${table.name}: ${counts[table.name]} rows`);
      }
      for (const table of tables) {
        const [{ n }] = (await target.query(`SELECT count(*)::bigint AS n FROM ${quoteIdent(table.name)}`)).rows;
        const [{ m }] = (await source.query(`SELECT count(*)::bigint AS m FROM ${quoteIdent(table.name)}`)).rows;
        if (Number(n) !== Number(m)) throw new MoveDataError(`${table.name}: ${m} rows in the embedded database but ${n} copied`);
      }
      const sequences = await resetSequences(target);
      await target.query('COMMIT');
      return { tables: counts, sequences, queuedJobs: await queuedJobs(source), seconds: (performance.now() - started) / 1000 };
    } catch (err) {
      await target.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    await source.end();
    await target.end();
  }
}

async function migrationNames(c: pg.Client): Promise<string> {
  const { rows } = await c.query(`SELECT name FROM typeorm_migrations ORDER BY name`);
  return rows.map((r) => r.name).join(',');
}

async function tableInfo(c: pg.Client): Promise<TableInfo[]> {
  const { rows } = await c.query(`
    SELECT t.relname AS name,
           (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
             WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
           COALESCE((SELECT json_agg(json_build_object('column', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY k.ord)
                       FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                      WHERE i.indrelid = t.oid AND i.indisprimary), '[]') AS key,
           COALESCE((SELECT array_agg(DISTINCT p.relname::text) FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid
                      WHERE f.conrelid = t.oid AND f.contype = 'f' AND f.confrelid <> t.oid), '{}') AS parents
      FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND t.relname <> 'typeorm_migrations'
     ORDER BY t.relname`);
  return rows as TableInfo[];
}

/** Parents before children (foreign keys are checked row by row during COPY). */
function sortByDependencies(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) throw new MoveDataError(`foreign keys form a cycle through ${t.name}`);
    visiting.add(t.name);
    for (const p of t.parents) if (byName.has(p)) visit(byName.get(p)!);
    visiting.delete(t.name);
    done.add(t.name);
    out.push(t);
  };
  tables.forEach(visit);
  return out;
}

async function nonEmpty(c: pg.Client, tables: string[]): Promise<string[]> {
  const busy: string[] = [];
  for (const t of tables) {
    const { rows } = await c.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t)}) AS any`);
    if (rows[0].any) busy.push(t);
  }
  return busy;
}

async function copyTable(source: pg.Client, target: pg.Client, table: TableInfo): Promise<number> {
  const cols = table.columns.map(quoteIdent).join(', ');
  const name = quoteIdent(table.name);
  const copyChunk = async (where: string) => {
    const out = source.query(pgCopy.to(`COPY (SELECT ${cols} FROM ${name} ${where}) TO STDOUT`));
    const into = target.query(pgCopy.from(`COPY ${name} (${cols}) FROM STDIN`));
    await pipeline(out, into);
    return Number(into.rowCount ?? 0);
  };
  if (!table.key.length) return copyChunk('');
  // Keyset chunks: (key) > last AND (key) <= the CHUNK_ROWS-th next key, literals cast to the key's types.
  const key = `(${table.key.map((k) => quoteIdent(k.column)).join(', ')})`;
  const texts = table.key.map((k) => `${quoteIdent(k.column)}::text`).join(', ');
  const literal = (values: string[]) => `(${values.map((v, i) => `${source.escapeLiteral(v)}::${table.key[i].type}`).join(', ')})`;
  let copied = 0;
  let last: string[] | null = null;
  for (;;) {
    const after: string = last ? `WHERE ${key} > ${literal(last)}` : '';
    const { rows }: { rows: string[][] } = await source.query({ text: `SELECT ${texts} FROM ${name} ${after} ORDER BY ${key} OFFSET ${CHUNK_ROWS - 1} LIMIT 1`, rowMode: 'array' });
    const upper: string[] | null = rows[0] ?? null;
    const range = [last ? `${key} > ${literal(last)}` : null, upper ? `${key} <= ${literal(upper)}` : null].filter(Boolean).join(' AND ');
    copied += await copyChunk(range ? `WHERE ${range}` : '');
    if (!upper) return copied;
    last = upper;
  }
}

/** Every sequence owned by a column continues after the highest value copied. */
async function resetSequences(c: pg.Client): Promise<number> {
  const { rows } = await c.query(`
    SELECT format('%I', t.relname) AS tbl, format('%I', a.attname) AS col, pg_get_serial_sequence(format('%I', t.relname), a.attname) AS seq
      FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND t.relkind = 'r' AND pg_get_serial_sequence(format('%I', t.relname), a.attname) IS NOT NULL`);
  for (const r of rows) {
    await c.query(`SELECT setval($1, COALESCE((SELECT max(${r.col}) FROM ${r.tbl}), 0) + 1, false)`, [r.seq]);
  }
  return rows.length;
}

async function queuedJobs(c: pg.Client): Promise<number> {
  const { rows } = await c.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${QUEUE_SCHEMA}.job`]);
  if (!rows[0].present) return 0;
  const { rows: n } = await c.query(
    `SELECT count(*)::int AS n FROM ${quoteIdent(QUEUE_SCHEMA)}.job WHERE state NOT IN ('completed', 'failed')`,
  );
  return n[0].n;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
