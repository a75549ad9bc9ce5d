// Parser throughput on the garrison Art. 337 listing fixture: parsePage (decode, classify, parse
// all rows) against a bare htmlparser2 parseDocument of the same bytes. Both sides include the
// windows-1251 decode, so the ratio is what classification and row parsing cost on top of the
// cheapest possible DOM build. Runs alternate in short rounds so that drift hits both alike.
// Last line: {"name":"parse-listing","pagesPerSecond":…,"baselinePagesPerSecond":…,"ratio":…}
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { parsePage } from '../scrapers/sudrf/parse-page.js';

const FIXTURE = 'scrapers/sudrf/fixtures/garrison-listing-337-page1.html';
const URL_ = 'https://kazanskygvs--tat.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=1&vnkod=63GV0004';
const SECONDS_EACH = Number(process.env['BENCH_SECONDS'] ?? 2);
const ROUNDS = 8;

function findFixture(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    if (existsSync(join(d, FIXTURE))) return join(d, FIXTURE);
    if (dirname(d) === d) throw new Error(`${FIXTURE} not found above ${fileURLToPath(import.meta.url)}`);
  }
}

const bytes = new Uint8Array(readFileSync(findFixture()));
const decoder = new TextDecoder('windows-1251');

const ours = (): number => parsePage(bytes, URL_).listing?.rows.length ?? -1;
const baseline = (): number => parseDocument(decoder.decode(bytes)).children.length;

function time(fn: () => number, ms: number): { n: number; ms: number } {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    sink += fn();
    n++;
    now = performance.now();
  }
  if (sink === 0) throw new Error('nothing parsed');
  return { n, ms: now - start };
}

const rows = ours();
if (rows !== 25) throw new Error(`expected 25 rows from the fixture, got ${rows}`);
time(ours, 300); // warm-up
time(baseline, 300);

const total = { ours: { n: 0, ms: 0 }, baseline: { n: 0, ms: 0 } };
const roundMs = (SECONDS_EACH * 1000) / ROUNDS;
for (let r = 0; r < ROUNDS; r++) {
  for (const [key, fn] of [['ours', ours], ['baseline', baseline]] as const) {
    const t = time(fn, roundMs);
    total[key].n += t.n;
    total[key].ms += t.ms;
  }
}

const pagesPerSecond = (total.ours.n * 1000) / total.ours.ms;
const baselinePagesPerSecond = (total.baseline.n * 1000) / total.baseline.ms;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
console.log(`fixture: ${FIXTURE} (${bytes.length} bytes, ${rows} rows); decode included on both sides`);
console.log(`parsePage (decode + classify + parse): ${round(pagesPerSecond)} pages/s, ${round(1000 / pagesPerSecond, 3)} ms/page`);
console.log(`htmlparser2 parseDocument (decode + DOM): ${round(baselinePagesPerSecond)} pages/s, ${round(1000 / baselinePagesPerSecond, 3)} ms/page`);
console.log(
  JSON.stringify({
    name: 'parse-listing',
    pagesPerSecond: round(pagesPerSecond),
    baselinePagesPerSecond: round(baselinePagesPerSecond),
    ratio: round(pagesPerSecond / baselinePagesPerSecond, 3),
  }),
);
