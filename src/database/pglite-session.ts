// One PGlite session shared by many `pg` connections.
//
// PGlite is a single Postgres backend: one session. pglite-socket lets many socket connections talk to it
// and feeds their protocol messages to that session one at a time. Its own queue may switch to another
// connection between ANY two messages unless an explicit transaction block is open, which breaks the
// extended query protocol: a query whose Parse/Bind/Execute/Sync messages arrive in more than one TCP chunk
// (a large parameter, e.g. a stored page) can have another connection's Parse run in between. That replaces
// the unnamed statement, and the first query then fails ("bind message supplies 2 parameters, but prepared
// statement "" requires 3") or, with the same parameter count, silently runs the other connection's SQL.
//
// PgliteSession is the queue PGLiteSocketHandler is given instead. It hands the session to one connection
// for a whole unit of work and only then to the next, first come first served:
// - a unit runs from a connection's first message to its next Sync or simple Query (the end of an implicit
//   transaction in the extended protocol), and
// - while a unit leaves an explicit transaction block open (BEGIN … COMMIT/ROLLBACK, also a failed one),
//   the session stays with that connection until the block ends.
// So transactions never interleave, exactly as if each ran alone, and everything else is serialised anyway
// (PGlite runs one statement at a time).
//
// The price: a connection that opens a transaction and then waits for something that needs ANOTHER
// connection (a query outside the transaction, a queue add) waits forever. `onStall` reports a holder that
// keeps others waiting for longer than `stallMs`, naming the wait, so such a bug is seen rather than hung.
//
// NOTIFY: PGlite's one session is the only listener, so a notification comes back in the output of the
// statement that committed it, i.e. to the notifying connection. BullMQ's workers LISTEN on their own
// connections and would only wake on their poll timeout; so every NotificationResponse is also copied to
// every other connection that has finished its start-up (clients ignore channels they do not listen to).
//
// Session state is shared by all connections: SET (search_path, TimeZone…), LISTEN, session advisory locks
// and temporary tables belong to the one session, whoever issued them.

import type { PGlite } from '@electric-sql/pglite';

/** Protocol 3.0 start-up packets carry this version where other messages have a type byte. */
const PROTOCOL_3 = 196608;
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const NOTIFICATION = 0x41; // 'A'

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (reason: unknown) => void;
  queuedAt: number;
}

export interface PgliteSessionOptions {
  /** Called once per hold when a connection has kept others waiting longer than stallMs. */
  onStall?: (info: { heldMs: number; waiting: number; holder: number }) => void;
  stallMs?: number;
}

export class PgliteSession {
  private pending: Pending[] = [];
  /** The connection the session belongs to until its unit (and any open transaction) ends. */
  private holder: number | null = null;
  private heldSince = 0;
  private stallReported = false;
  /** Connections that went away while they held the session: their unit is abandoned. */
  private readonly gone = new Set<number>();
  /** Connections past start-up, and how to write to them (for notifications). */
  private readonly peers = new Map<number, (data: Uint8Array) => void>();
  private running = false;
  private readonly watchdog: NodeJS.Timeout | null;

  constructor(
    private readonly db: PGlite,
    private readonly options: PgliteSessionOptions = {},
  ) {
    const stallMs = options.stallMs ?? 30_000;
    this.watchdog = options.onStall ? setInterval(() => this.checkStall(stallMs), Math.min(5000, stallMs)).unref() : null;
  }

  /** Runs one protocol message of connection `handlerId` when its turn comes; resolves with the bytes sent back. */
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.pending.push({ handlerId, message, onData, resolve, reject, queuedAt: performance.now() });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.pending.length;
  }

  /** The connection went away: drop its queued messages. */
  clearQueueForHandler(handlerId: number): void {
    this.peers.delete(handlerId);
    this.pending = this.pending.filter((p) => {
      if (p.handlerId !== handlerId) return true;
      p.reject(new Error('connection closed'));
      return false;
    });
  }

  /** The connection went away: if it held the session, end its unit and roll back its transaction. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    this.peers.delete(handlerId);
    if (this.holder !== handlerId) return;
    this.gone.add(handlerId);
    await this.pump();
  }

  close(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    for (const p of this.pending) p.reject(new Error('embedded database closed'));
    this.pending = [];
  }

  private next(): Pending | undefined {
    if (this.holder === null) return this.pending.shift();
    const i = this.pending.findIndex((p) => p.handlerId === this.holder);
    return i < 0 ? undefined : this.pending.splice(i, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (this.holder !== null && this.gone.has(this.holder)) {
          await this.abandon(this.holder);
          continue;
        }
        const p = this.next();
        if (!p) break;
        await this.run(p);
      }
    } finally {
      this.running = false;
    }
  }

  private async run(p: Pending): Promise<void> {
    const startup = isStartup(p.message);
    const type = startup ? 0 : p.message[0];
    const scanner = new NotificationScanner();
    let bytes = 0;
    let failure: unknown = null;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(p.message, {
          onRawData: (data) => {
            bytes += data.length;
            p.onData(data);
            for (const n of scanner.push(data)) this.broadcast(p.handlerId, n);
          },
        }),
      );
    } catch (err) {
      failure = err;
    }
    // Sync ('S'), a simple Query ('Q'), Terminate ('X') and start-up end a unit; the session stays with the
    // connection while a transaction block is open. A failed message ends nothing the client knows of: it
    // will send Sync (or close), which ends the unit.
    const endsUnit = startup || type === 0x53 || type === 0x51 || type === 0x58;
    const keep = !(endsUnit && !this.db.isInTransaction());
    this.setHolder(keep ? p.handlerId : null);
    if (startup && !failure) this.peers.set(p.handlerId, p.onData);
    if (failure) p.reject(failure);
    else p.resolve(bytes);
  }

  /** Ends a unit whose connection is gone: Sync closes an unfinished extended query, ROLLBACK a transaction. */
  private async abandon(handlerId: number): Promise<void> {
    this.gone.delete(handlerId);
    try {
      await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined }));
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } finally {
      this.setHolder(null);
    }
  }

  private setHolder(holder: number | null): void {
    if (holder !== this.holder) {
      this.holder = holder;
      this.heldSince = performance.now();
      this.stallReported = false;
    }
  }

  private broadcast(from: number, notification: Uint8Array): void {
    for (const [id, write] of this.peers) {
      if (id === from) continue;
      try {
        write(notification);
      } catch {
        // a connection closing meanwhile; it is dropped from peers when its close is handled
      }
    }
  }

  private checkStall(stallMs: number): void {
    if (this.holder === null || this.stallReported) return;
    const heldMs = performance.now() - this.heldSince;
    const waiting = this.pending.filter((p) => p.handlerId !== this.holder).length;
    if (heldMs >= stallMs && waiting > 0) {
      this.stallReported = true;
      this.options.onStall?.({ heldMs, waiting, holder: this.holder });
    }
  }
}

function isStartup(message: Uint8Array): boolean {
  if (message.length < 8) return false;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  return view.getInt32(0) === message.length && view.getInt32(4) === PROTOCOL_3;
}

/**
 * Finds whole NotificationResponse messages in a backend message stream that arrives in arbitrary chunks.
 * Only the 5-byte headers and notification bodies are kept; other messages are skipped by length.
 */
export class NotificationScanner {
  private header = new Uint8Array(5);
  private headerLength = 0;
  /** Bytes left of the current message's body. */
  private remaining = 0;
  private body: Uint8Array | null = null;
  private bodyLength = 0;

  push(chunk: Uint8Array): Uint8Array[] {
    const found: Uint8Array[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - i);
        if (this.body) {
          this.body.set(chunk.subarray(i, i + n), this.bodyLength);
          this.bodyLength += n;
        }
        this.remaining -= n;
        i += n;
        if (this.remaining === 0 && this.body) {
          found.push(this.body);
          this.body = null;
        }
        continue;
      }
      const n = Math.min(5 - this.headerLength, chunk.length - i);
      this.header.set(chunk.subarray(i, i + n), this.headerLength);
      this.headerLength += n;
      i += n;
      if (this.headerLength < 5) break;
      this.headerLength = 0;
      const length = new DataView(this.header.buffer).getInt32(1);
      this.remaining = Math.max(0, length - 4);
      if (this.header[0] === NOTIFICATION) {
        this.body = new Uint8Array(1 + length);
        this.body.set(this.header, 0);
        this.bodyLength = 5;
        if (this.remaining === 0) {
          found.push(this.body);
          this.body = null;
        }
      }
    }
    return found;
  }
}
