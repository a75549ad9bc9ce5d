import pg from 'pg';
import type { SqlQuery } from '../common/sql-query.js';

/**
 * COPY takes no bind parameters, so a parameterised query is turned into one with escaped literals.
 * Values are already validated; escaping makes the text safe whatever they hold.
 */
export function inlineParams({ text, values }: SqlQuery): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= values.length) throw new RangeError(`no value for $${n}`);
    return literal(values[i]);
  });
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return pg.escapeLiteral(v);
  if (Array.isArray(v)) return `ARRAY[${v.map((x) => pg.escapeLiteral(String(x))).join(', ')}]::text[]`;
  throw new TypeError(`cannot inline a ${typeof v}`);
}
