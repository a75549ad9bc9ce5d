// `npm run bench:ingest`: case upserts (cases, defendants, charges) against a COPY of the same rows into a
// scratch table shaped like `cases`, in the same run. Last line: one JSON object.
import 'reflect-metadata';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import type { ListingRow, Outcome } from '../scrapers/sudrf/types.js';
import { addDays } from '../src/common/iso-week.js';
import { createDataSource } from '../src/database/data-source.js';
import { migrate } from '../src/service.js';
import { CaseIngestService } from '../src/verdicts/case-ingest.service.js';

const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vw_bench_ingest';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
// Rows per upsert statement: a reparse of history or a backfill writes many listing pages at once;
// a live crawl writes one 25-row page per request (set BENCH_BATCH=25 to measure that).
const PAGE = Number(process.env.BENCH_BATCH ?? 1000);

function rows(n: number): { court: string; row: ListingRow }[] {
  const courts = militaryCourts.filter((c) => c.level === 'garrison');
  const outcomes: Outcome[] = ['conviction', 'conviction', 'conviction', 'terminated', 'returned'];
  const out: { court: string; row: ListingRow }[] = [];
  for (let i = 0; i < n; i++) {
    const received = addDays('2022-09-05', i % 1100);
    const decided = addDays(received, 20 + (i % 60));
    const defendants = Array.from({ length: 1 + (i % 7 === 0 ? 1 : 0) }, (_, d) => ({
      name: `Тестов${d} Т.Т.`,
      articles: [{ article: '337', part: ['2.1', '3.1', '5'][(i + d) % 3], point: null }],
      decidedOn: null,
      result: null,
      outcome: null,
    }));
    out.push({
      court: courts[i % courts.length].code,
      row: {
        caseNumber: `1-${Math.floor(i / courts.length) + 1}/${received.slice(0, 4)}`,
        cardUrl: `https://example.invalid/modules.php?name=sud_delo&name_op=case&case_id=${i}`,
        caseId: String(i),
        caseUid: `00GV0000-01-2023-${String(i).padStart(6, '0')}-00`,
        receivedOn: received,
        info: '',
        defendants,
        judge: 'Судьин С.С.',
        decidedOn: decided,
        result: 'Вынесен ПРИГОВОР',
        outcome: outcomes[i % outcomes.length],
        legalForceOn: null,
        actUrls: [],
      },
    });
  }
  return out;
}

const copyLine = (court: string, r: ListingRow) =>
  [court, 'first', r.caseNumber, r.caseUid, r.caseId, r.receivedOn, r.decidedOn, r.result, r.outcome, r.judge, r.cardUrl]
    .map((v) => (v === null ? '\\N' : String(v).replace(/[\\\t\n]/g, ' ')))
    .join('\t') + '\n';

async function main() {
  await migrate(URL);
  const ds = await createDataSource(URL).initialize();
  const db = new pg.Client({ connectionString: URL });
  await db.connect();
  await db.query(`TRUNCATE weekly_counts, case_charges, defendants, cases, pages RESTART IDENTITY CASCADE`);
  await db.query(
    `INSERT INTO courts (code, name, level, hosts, region) SELECT code, code, 'garrison', '{}', '00' FROM unnest($1::text[]) code ON CONFLICT DO NOTHING`,
    [militaryCourts.map((c) => c.code)],
  );
  const data = rows(ROWS);
  const ingest = new CaseIngestService(ds);

  // What a crawl does: one upsert per listing page of 25 rows.
  const byCourt = new Map<string, ListingRow[]>();
  for (const { court, row } of data) (byCourt.get(court) ?? byCourt.set(court, []).get(court)!).push(row);
  const pages: [string, ListingRow[]][] = [];
  for (const [court, list] of byCourt) for (let i = 0; i < list.length; i += PAGE) pages.push([court, list.slice(i, i + PAGE)]);
  const t0 = performance.now();
  const workers = 4; // parse concurrency across a couple of worker processes
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < pages.length) {
        const [court, list] = pages[next++];
        await ingest.ingestListing(court, 'first', list, null);
      }
    }),
  );
  const upsertSeconds = (performance.now() - t0) / 1000;

  // The same rows COPYed into scratch tables shaped like the three the upsert writes (indexes included).
  const copy = async (table: string, like: string, columns: string, lines: Iterable<string>) => {
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`CREATE TABLE ${table} (LIKE ${like} INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const t = performance.now();
    await pipeline(Readable.from(lines), db.query(pgCopy.from(`COPY ${table} (${columns}) FROM STDIN`)));
    const seconds = (performance.now() - t) / 1000;
    await db.query(`DROP TABLE ${table}`);
    return seconds;
  };
  const copyCases = await copy(
    'bench_cases_scratch',
    'cases',
    'court_code, instance, case_number, uid, site_case_id, received_on, decided_on, result, outcome, judge, card_url',
    (function* () { for (const { court, row } of data) yield copyLine(court, row); })(),
  );
  const copyDefendants = await copy(
    'bench_defendants_scratch',
    'defendants',
    'case_id, position, name, articles',
    (function* () {
      let id = 0;
      for (const { row } of data) {
        id++;
        for (const [i, d] of row.defendants.entries()) yield `${id}\t${i}\t${d.name}\t${JSON.stringify(d.articles)}\n`;
      }
    })(),
  );
  const copyCharges = await copy(
    'bench_charges_scratch',
    'case_charges',
    'case_id, article, part',
    (function* () {
      let id = 0;
      for (const { row } of data) {
        id++;
        const keys = new Set(row.defendants.flatMap((d) => d.articles.map((a) => `${a.article}\t${a.part ?? ''}`)));
        for (const k of keys) yield `${id}\t${k}\n`;
      }
    })(),
  );
  const copySeconds = copyCases + copyDefendants + copyCharges;

  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cases`)).rows;
  if (n !== ROWS) throw new Error(`expected ${ROWS} cases, found ${n}`);
  await db.end();
  await ds.destroy();

  const rowsPerSecond = Math.round(ROWS / upsertSeconds);
  const baselineRowsPerSecond = Math.round(ROWS / copySeconds);
  console.log(`upsert ${ROWS} rows (cases + defendants + charges, ${PAGE} rows a statement, ${workers} concurrent): ${upsertSeconds.toFixed(2)} s`);
  console.log(`COPY   the same rows into tables like cases, defendants, case_charges: ${copySeconds.toFixed(2)} s (cases alone ${copyCases.toFixed(2)} s)`);
  console.log(JSON.stringify({ name: 'ingest-cases', rows: ROWS, rowsPerSecond, baselineRowsPerSecond, ratio: +(rowsPerSecond / baselineRowsPerSecond).toFixed(3) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
