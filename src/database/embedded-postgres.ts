// Embedded Postgres: PGlite (Postgres 18 compiled to WebAssembly) with its data in a folder, served on
// 127.0.0.1 through pglite-socket so the app's ordinary `pg` connections (TypeORM, BullMQ's Postgres
// backend, the CSV export pool) use it like any server.
//
// Layout of the folder (DATA_DIR):
//   pglite/                 the PGlite data directory (a Postgres 18 cluster; use PGlite to open it)
//   embedded-postgres.json  while running: { pid, url }: the lock that keeps a second process out, and
//                           where tools find the server (e.g. `npm run -s cli -- move-data`).
//
// One process only: PGlite is one Postgres session (see pglite-session.ts); two processes on one folder
// would corrupt it. The lock names the process that holds the folder; a lock left by a killed process
// (its pid is gone) is taken over.
//
// Durability: commits are written to the files before the statement returns, so a killed process loses
// nothing committed (Postgres replays its WAL on the next start). PGlite does not fsync, so an OS crash
// or a power cut can lose recent commits or damage the folder: keep backups, or use a Postgres server.

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { InvalidConfigError } from '../config/load-env.js';
import { PgliteSession } from './pglite-session.js';

/** Schemas every connection sees: the app's tables, then BullMQ's (whose `-c search_path` option PGlite ignores). */
export const EMBEDDED_SEARCH_PATH = 'public,bullmq';
export const EMBEDDED_LOCK_FILE = 'embedded-postgres.json';

export interface EmbeddedPostgresOptions {
  /** The folder that holds the database (created when missing). */
  dataDir: string;
  /** Port on 127.0.0.1; 0 (default) lets the system pick a free one. */
  port?: number;
  warn?: (message: string) => void;
  /** How long one connection may keep the others waiting before `warn` is told (default 30 s). */
  stallMs?: number;
}

interface LockInfo {
  pid: number;
  url: string | null;
  startedAt: string;
}

/** Another process has the folder open (a usage error: main and the CLI print it and exit 2). */
export class EmbeddedDataDirInUseError extends InvalidConfigError {}

export class EmbeddedPostgres {
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private closing: Promise<void> | null = null;

  private constructor(
    readonly dataDir: string,
    readonly url: string,
    /** True when this start created the database (an empty folder). */
    readonly created: boolean,
    private readonly db: PGlite,
    private readonly session: PgliteSession,
    private readonly server: Server,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const dataDir = resolve(options.dataDir);
    await mkdir(dataDir, { recursive: true });
    const lockPath = join(dataDir, EMBEDDED_LOCK_FILE);
    await takeLock(lockPath);
    let db: PGlite | null = null;
    let session: PgliteSession | null = null;
    try {
      const pgdata = join(dataDir, 'pglite');
      const created = !existsSync(join(pgdata, 'PG_VERSION'));
      db = await PGlite.create({
        dataDir: pgdata,
        startParams: PGlite.defaultStartParams.map((p) => (p.startsWith('search_path=') ? `search_path=${EMBEDDED_SEARCH_PATH}` : p)),
      });
      session = new PgliteSession(db, {
        stallMs: options.stallMs,
        onStall: ({ heldMs, waiting }) =>
          options.warn?.(
            `embedded Postgres: one connection has held the database for ${Math.round(heldMs / 1000)} s while ${waiting} ` +
              `queries of other connections wait (a transaction waiting for work outside itself never ends)`,
          ),
      });
      let instance: EmbeddedPostgres | null = null;
      const server = createServer((socket) => (instance ? instance.attach(socket) : socket.destroy()));
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
          server.off('error', fail);
          ok();
        });
      });
      const address = server.address();
      const url = `postgres://postgres@127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/postgres`;
      instance = new EmbeddedPostgres(dataDir, url, created, db, session, server);
      await writeFile(lockPath, JSON.stringify({ pid: process.pid, url, startedAt: new Date().toISOString() } satisfies LockInfo));
      return instance;
    } catch (err) {
      session?.close();
      await db?.close().catch(() => undefined);
      await rm(lockPath, { force: true });
      throw err;
    }
  }

  /** Stops serving, closes the database cleanly and frees the folder. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const stopped = new Promise<void>((ok) => this.server.close(() => ok()));
      await Promise.all([...this.handlers].map((h) => h.detach(true)));
      this.handlers.clear();
      await stopped;
      this.session.close();
      await this.db.close();
      await rm(join(this.dataDir, EMBEDDED_LOCK_FILE), { force: true });
    })();
    return this.closing;
  }

  private attach(socket: Socket): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    // pglite-socket types its queue as its own (unexported) class; PgliteSession has the same methods.
    const handler = new PGLiteSocketHandler({
      queryQueue: this.session as unknown as PGLiteSocketHandlerOptions['queryQueue'],
      closeOnDetach: true,
    });
    this.handlers.add(handler);
    const forget = () => this.handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  }
}

/** The running embedded server's address for a DATA_DIR, or null when none runs there. */
export async function embeddedServerUrl(dataDir: string): Promise<string | null> {
  const lock = await readLock(join(resolve(dataDir), EMBEDDED_LOCK_FILE));
  return lock && isAlive(lock.pid) ? lock.url : null;
}

async function takeLock(lockPath: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, JSON.stringify({ pid: process.pid, url: null, startedAt: new Date().toISOString() } satisfies LockInfo), {
        flag: 'wx',
      });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const lock = await readLock(lockPath);
    if (lock && isAlive(lock.pid)) {
      const who = lock.pid === process.pid ? 'this process already' : `process ${lock.pid}${lock.url ? ` (serving ${lock.url})` : ''}`;
      throw new EmbeddedDataDirInUseError(
        `the embedded database in ${lockPath.slice(0, -EMBEDDED_LOCK_FILE.length - 1)} is in use: ${who} has it open. ` +
          `It serves one process at a time: stop that one first, or use a Postgres server (DATABASE_URL) for several processes.`,
      );
    }
    await rm(lockPath, { force: true }); // left by a process that is gone
  }
  throw new EmbeddedDataDirInUseError(`could not lock ${lockPath}`);
}

async function readLock(lockPath: string): Promise<LockInfo | null> {
  try {
    return JSON.parse(await readFile(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
