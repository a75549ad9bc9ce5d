import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { CsvFramer } from './csv-framer.js';

async function frame(chunks: string[], header = ['a', 'b'], bom = false): Promise<{ text: string; rows: number }> {
  const framer = new CsvFramer(header, bom);
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks.map((s) => Buffer.from(s))).pipe(framer)) out.push(c as Buffer);
  return { text: Buffer.concat(out).toString('utf8'), rows: framer.rows };
}

describe('CsvFramer', () => {
  it('adds the header and ends records with CRLF', async () => {
    expect(await frame(['1,x\n2,y\n'])).toEqual({ text: 'a,b\r\n1,x\r\n2,y\r\n', rows: 2 });
  });

  it('leaves line feeds inside quoted fields alone, across chunk boundaries', async () => {
    const { text, rows } = await frame(['1,"multi', '\nline ""q"" ', 'x"\n2,', '"a\nb"\n']);
    expect(text).toBe('a,b\r\n1,"multi\nline ""q"" x"\r\n2,"a\nb"\r\n');
    expect(rows).toBe(2);
  });

  it('splits a doubled quote across chunks correctly', async () => {
    expect((await frame(['1,"say "', '"hi""', '"\n'])).text).toBe('a,b\r\n1,"say ""hi"""\r\n');
  });

  it('writes a byte-order mark first when asked, and the header even with no rows', async () => {
    const { text, rows } = await frame([], ['week', 'count'], true);
    expect(text).toBe('\uFEFFweek,count\r\n');
    expect(rows).toBe(0);
  });
});
