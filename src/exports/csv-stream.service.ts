import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import pgCopy from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import type { SqlQuery } from '../common/sql-query.js';
import { CsvFramer } from './csv-framer.js';
import { ExportPool } from './export-pool.js';
import { inlineParams } from './inline-params.js';

export interface CsvDownload {
  /** A SELECT whose columns match `header`, text columns already neutralised (csvSafe). */
  query: SqlQuery;
  header: readonly string[];
  filename: string;
  excel: boolean;
}

/**
 * Streams a query to an HTTP response as CSV, straight from Postgres: `COPY (query) TO STDOUT WITH CSV`
 * on a dedicated connection, framed by CsvFramer, with backpressure end to end, so memory stays flat
 * however many rows there are. A client that goes away ends the COPY (its connection is discarded).
 */
@Injectable()
export class CsvStreamService {
  private readonly log = new Logger(CsvStreamService.name);

  constructor(private readonly exports: ExportPool) {}

  async send(res: Response, d: CsvDownload): Promise<number> {
    const client = await this.exports.connect();
    let broken = false;
    const framer = new CsvFramer(d.header, d.excel);
    try {
      const copy = client.query(pgCopy.to(`COPY (${inlineParams(d.query)}) TO STDOUT WITH (FORMAT csv)`));
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
      res.setHeader('Content-Disposition', contentDisposition(d.filename));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      await pipeline(copy, framer, res);
      return framer.rows;
    } catch (err) {
      broken = true;
      if (res.destroyed || (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
        this.log.debug(`CSV download ${d.filename} ended early: ${(err as Error).message}`);
        return framer.rows;
      }
      throw err;
    } finally {
      client.release(broken); // a connection left mid-COPY is closed, never reused
    }
  }
}

/** `attachment` with an ASCII file name and its UTF-8 form (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
