import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

/**
 * Session settings of an export connection: ISO dates, UTC, and no JIT (whose compile time, up to a second,
 * would dwarf small downloads and only rarely pays off on big ones).
 */
export const EXPORT_SESSION = `SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET jit = off`;

/**
 * Postgres connections reserved for CSV downloads, apart from the API's pool: a long COPY never starves
 * the JSON endpoints, and at most `max` downloads run at once (the rest wait for a connection).
 */
@Injectable()
export class ExportPool implements OnModuleDestroy {
  readonly pool: pg.Pool;

  constructor(db: DataSource) {
    const url = (db.options as { url?: string }).url;
    this.pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 30_000 });
    this.pool.on('connect', (client) => {
      client.query(EXPORT_SESSION).catch(() => undefined);
    });
    this.pool.on('error', () => undefined); // an idle connection dropped by the server: the pool replaces it
  }

  connect(): Promise<pg.PoolClient> {
    return this.pool.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
