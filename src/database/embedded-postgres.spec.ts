import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { EMBEDDED_LOCK_FILE, EmbeddedDataDirInUseError, EmbeddedPostgres, embeddedServerUrl } from './embedded-postgres.js';
import { NotificationScanner } from './pglite-session.js';

// A real PGlite in a temporary folder, served on 127.0.0.1, used through ordinary pg connections and TypeORM.
let dir: string;
let server: EmbeddedPostgres;
const warnings: string[] = [];

const connect = async () => {
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  return c;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vw-embedded-'));
  server = await EmbeddedPostgres.start({ dataDir: dir, warn: (m) => warnings.push(m) });
  const c = await connect();
  await c.query(`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0);
                 CREATE TABLE blobs (id int PRIMARY KEY, body bytea NOT NULL);
                 CREATE TABLE notes (id serial PRIMARY KEY, note text NOT NULL)`);
  await c.end();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('EmbeddedPostgres: one PGlite session shared by many pg connections', () => {
  it('keeps extended-protocol queries of different connections apart, even when big parameters arrive in pieces', async () => {
    // With pglite-socket's own queue, another connection's Parse could run between the chunks of a big
    // Bind, and the small queries failed with "bind message supplies 2 parameters, but … requires 3".
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    const big = Buffer.alloc(600_000, 7);
    const results = await Promise.allSettled(
      Array.from({ length: 160 }, async (_, i) => {
        if (i % 4 === 0) {
          await pool.query('INSERT INTO blobs (id, body) VALUES ($1, $2)', [i, big]);
          return true;
        }
        const { rows } = await pool.query('SELECT $1::text AS s, $2::int + 1 AS w, $3::int AS z', [`y${i}`, i, 7]);
        return rows[0].s === `y${i}` && rows[0].w === i + 1 && rows[0].z === 7;
      }),
    );
    await pool.end();
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(results.every((r) => r.status === 'fulfilled' && r.value)).toBe(true);
    const c = await connect();
    const { rows } = await c.query('SELECT count(*)::int AS n, min(length(body)) AS l FROM blobs');
    await c.end();
    expect(rows[0]).toEqual({ n: 40, l: 600_000 });
  }, 60_000);

  it('runs TypeORM transactions of several connections one after another, never interleaved', async () => {
    const ds = await new DataSource({ type: 'postgres', url: server.url, extra: { max: 6 } }).initialize();
    try {
      // Read-modify-write with a pause inside: interleaved transactions would lose updates.
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          ds
            .transaction(async (tx) => {
              const [{ n }] = await tx.query('SELECT n FROM counter WHERE id = 1');
              await delay(2);
              await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [n + 1]);
              await tx.query('INSERT INTO notes (note) VALUES ($1)', [`tx ${i}`]);
              if (i % 5 === 0) throw new Error('rolled back on purpose');
            })
            .catch((e: Error) => e.message),
        ),
      );
      const [{ n }] = await ds.query('SELECT n FROM counter WHERE id = 1');
      const [{ notes }] = await ds.query('SELECT count(*)::int AS notes FROM notes');
      expect(n).toBe(24); // 30 transactions, 6 rolled back
      expect(notes).toBe(24);
      // Queries outside transactions ran meanwhile on the other connections, and the pool is healthy.
      expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await ds.destroy();
    }
  }, 60_000);

  it('rolls back the transaction of a connection that goes away in the middle of it', async () => {
    const a = await connect();
    a.on('error', () => undefined); // its connection is cut below
    const b = await connect(); // a new connection's start-up also waits for an open transaction to end
    await a.query('BEGIN');
    await a.query(`INSERT INTO notes (note) VALUES ('never committed')`);
    const waiting = b.query(`SELECT count(*)::int AS n FROM notes WHERE note = 'never committed'`);
    await delay(50);
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const { rows } = await waiting;
    await b.end();
    expect(rows[0].n).toBe(0);
  }, 30_000);

  it('delivers NOTIFY to the connection that listens, not only to the one that notified', async () => {
    const listener = await connect();
    const notifier = await connect();
    const got: string[] = [];
    listener.on('notification', (m) => got.push(`${m.channel}:${m.payload}`));
    await listener.query('LISTEN vw_test_channel');
    await notifier.query(`SELECT pg_notify('vw_test_channel', 'hello')`);
    await notifier.query(`NOTIFY vw_test_channel, 'again'`);
    for (let i = 0; i < 50 && got.length < 2; i++) await delay(20);
    await listener.end();
    await notifier.end();
    expect(got).toEqual(['vw_test_channel:hello', 'vw_test_channel:again']);
  }, 30_000);

  it("keeps BullMQ's schema on the search path whatever a connection asks for", async () => {
    const c = new pg.Client({ connectionString: server.url, options: '-c search_path=elsewhere' });
    await c.connect();
    await c.query('RESET search_path');
    const { rows } = await c.query('SHOW search_path');
    await c.end();
    expect(rows[0].search_path).toBe('public,bullmq');
  });

  it('keeps its data across a restart, and keeps a second opener out while it runs', async () => {
    expect(await embeddedServerUrl(dir)).toBe(server.url);
    await expect(EmbeddedPostgres.start({ dataDir: dir })).rejects.toBeInstanceOf(EmbeddedDataDirInUseError);
    await server.close();
    expect(await embeddedServerUrl(dir)).toBeNull();
    // A lock left by a process that no longer exists is taken over.
    await writeFile(join(dir, EMBEDDED_LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, url: null, startedAt: '' }));
    server = await EmbeddedPostgres.start({ dataDir: dir, warn: (m) => warnings.push(m), stallMs: 300 });
    expect(server.created).toBe(false);
    expect(JSON.parse(await readFile(join(dir, EMBEDDED_LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    const c = await connect();
    const { rows } = await c.query('SELECT (SELECT n FROM counter) AS n, (SELECT count(*)::int FROM blobs) AS blobs');
    await c.end();
    expect(rows[0]).toEqual({ n: 24, blobs: 40 });
  }, 120_000);

  it('reports a connection that keeps the others waiting (here after 300 ms)', async () => {
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    const blocked = b.query('SELECT 1');
    await delay(100);
    expect(warnings).toEqual([]);
    await delay(600);
    await a.query('COMMIT');
    await blocked;
    await a.end();
    await b.end();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/one connection has held the database for \d+ s while 1 queries of other connections wait/);
  });
});

describe('NotificationScanner', () => {
  const msg = (type: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(type, 0, 'latin1');
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const notification = msg('A', Buffer.concat([Buffer.from([0, 0, 0, 1]), Buffer.from('chan\0payload\0')]));
  const stream = Buffer.concat([msg('C', Buffer.from('SELECT 1\0')), notification, msg('Z', Buffer.from('I')), notification]);

  it('finds whole notifications however the stream is cut', () => {
    for (const size of [1, 2, 3, 5, 7, 13, stream.length]) {
      const scanner = new NotificationScanner();
      const found: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) found.push(...scanner.push(stream.subarray(i, i + size)).map((b) => Buffer.from(b)));
      expect(found).toEqual([notification, notification]);
    }
  });
});
