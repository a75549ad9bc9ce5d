import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Frames Postgres' `COPY … WITH (FORMAT csv)` output as an RFC 4180 file: an optional UTF-8 byte-order mark,
 * a header row, and CRLF record ends. COPY already quotes fields that hold a comma, quote, CR or LF and
 * doubles quotes; line feeds inside quoted fields are left as they are. State (inside quotes or not)
 * carries across chunks. Counts the records it passed.
 */
export class CsvFramer extends Transform {
  rows = 0;
  private inQuotes = false;
  private started = false;

  constructor(
    private readonly header: readonly string[],
    private readonly bom: boolean,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.start();
    const ends = this.recordEnds(chunk);
    if (!ends.length) {
      this.push(chunk);
      return done();
    }
    // One buffer per chunk: each record end gets a CR before its LF.
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let at = 0;
    let from = 0;
    for (const lf of ends) {
      at += chunk.copy(out, at, from, lf);
      out[at++] = CR;
      from = lf;
    }
    chunk.copy(out, at, from);
    this.rows += ends.length;
    this.push(out);
    done();
  }

  /** Positions of the LFs that end records (outside quotes), carrying the quote state across chunks. */
  private recordEnds(chunk: Buffer): number[] {
    const ends: number[] = [];
    let i = 0;
    while (i < chunk.length) {
      const q = chunk.indexOf(QUOTE, i);
      if (this.inQuotes) {
        if (q < 0) break;
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      const limit = q < 0 ? chunk.length : q;
      for (let lf = chunk.indexOf(LF, i); lf !== -1 && lf < limit; lf = chunk.indexOf(LF, lf + 1)) ends.push(lf);
      if (q < 0) break;
      this.inQuotes = true;
      i = q + 1;
    }
    return ends;
  }

  override _flush(done: TransformCallback): void {
    this.start();
    done();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.push(`${this.bom ? '\uFEFF' : ''}${this.header.join(',')}\r\n`);
  }
}
