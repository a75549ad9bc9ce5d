import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadEnv } from '../src/config/load-env.js';
import { startService, type RunningService } from '../src/service.js';
import { parseCsv, resetTrendTables, seedTrendData, type SeedCase } from './support/trend-seed.js';

const READER = 'csv-reader-key1';
const WEEKS = ['2023-01-02', '2023-01-09', '2023-01-16', '2023-01-23', '2023-01-30'];

const CASES: SeedCase[] = [
  { court: '63GV0001', number: '1-1/2023', received: '2023-01-03', decided: '2023-01-20', outcome: 'conviction',
    result: 'Вынесен ПРИГОВОР, "условно"', judge: '=HYPERLINK("http://evil.test","x")',
    defendants: [{ name: 'Иванов Иван Иванович', charges: ['337.5'] }] },
  { court: '63GV0001', number: '1-2/2023', received: '2023-01-04', decided: '2023-01-18', outcome: 'terminated',
    result: '@SUM(1+1)\nвторая строка', judge: '-2+3',
    defendants: [{ name: '+Петров Пётр', charges: ['337.2.1'] }, { name: 'Смирнов Семён', charges: ['337.5', '338.1'] }] },
  { court: '63GV0002', number: '1-7/2023', received: '2023-01-10', decided: '2023-01-31', outcome: 'conviction',
    result: '\tВынесен ПРИГОВОР', judge: 'Сидоров С.С.', defendants: [{ name: 'Кузнецов К.К.', charges: ['337.5'] }] },
];

type Row = Record<string, string>;
const records = (text: string): Row[] => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

describe('CSV downloads (real Postgres)', () => {
  let svc: RunningService;
  let http: ReturnType<typeof request>;
  const text = (path: string, query: Record<string, string>, key?: string) => {
    const req = http.get(path).query(query).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    return key ? req.set('x-api-key', key) : req;
  };

  beforeAll(async () => {
    const env = loadEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/vw_test_csv',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'tcsv',
      PORT: '0',
      CRAWL_COURTS: '63GV0001,63GV0002',
      API_KEYS: `${READER}:reader`,
      LOG_LEVEL: 'error',
    });
    svc = await startService(env, { roles: { api: true, worker: false, scheduler: false }, logger: ['error'] });
    http = request(svc.url!);
    await resetTrendTables(svc.app.get(DataSource));
    await seedTrendData(svc.app, CASES, [
      { court: '63GV0001', dateField: 'decided', article: '337', weeks: WEEKS },
      { court: '63GV0002', dateField: 'decided', article: '337', weeks: WEEKS.slice(0, 3) },
    ]);
  }, 60_000);

  afterAll(async () => {
    const db = svc?.app.get(DataSource);
    await svc?.close();
    if (db?.isInitialized) await db.destroy();
  });

  describe('weekly-counts.csv', () => {
    const q = { from: '2023-01-02', to: '2023-02-05' };

    it('has the documented columns and the same values as the JSON endpoint', async () => {
      const res = await text('/api/weekly-counts.csv', { ...q, groupBy: 'court' }).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const body = (res.body as Buffer).toString('utf8');
      expect(body.startsWith('week,series,article,part,court,court_name,level,count,covered_courts,expected_courts,coverage,incomplete\r\n')).toBe(true);
      const json = await http.get('/api/weekly-counts').query({ ...q, groupBy: 'court' }).expect(200);
      const csv = records(body);
      expect(csv).toHaveLength(json.body.rows.length);
      csv.forEach((r, i) => {
        const j = json.body.rows[i];
        expect(r).toEqual({
          week: j.week, series: 'convicted', article: '337', part: 'all', court: j.court, court_name: json.body.courts[j.court].name,
          level: j.level,
          count: String(j.count), covered_courts: String(j.coveredCourts), expected_courts: String(j.expectedCourts),
          coverage: j.coverage === null ? '' : String(j.coverage), incomplete: String(j.incomplete),
        });
      });
      expect(csv.filter((r) => r.court === '63GV0001').map((r) => r.count)).toEqual(['0', '0', '1', '0', '0']);
      expect(csv.filter((r) => r.court === '63GV0002').map((r) => r.coverage)).toEqual(['1', '1', '1', '0', '0']);
    });

    it('names the file after the filter and adds a BOM only with excel=1', async () => {
      const res = await text('/api/weekly-counts.csv', { ...q, series: 'decided', part: '5', groupBy: 'court', excel: '1' }).expect(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="weekly-counts_decided_art337_part-5_from-2023-01-02_to-2023-02-05_by-court.csv"; ` +
          `filename*=UTF-8''weekly-counts_decided_art337_part-5_from-2023-01-02_to-2023-02-05_by-court.csv`,
      );
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const plain = await text('/api/weekly-counts.csv', q).expect(200);
      expect((plain.body as Buffer)[0]).toBe('w'.charCodeAt(0));
    });

    it('groups by part with explicit zero weeks', async () => {
      const res = await text('/api/weekly-counts.csv', { ...q, series: 'decided', groupBy: 'part' }).expect(200);
      const csv = records((res.body as Buffer).toString('utf8'));
      expect(csv.filter((r) => r.part === '5').map((r) => r.count)).toEqual(['0', '0', '2', '0', '1']);
      expect(csv.filter((r) => r.part === '2.1').map((r) => r.count)).toEqual(['0', '0', '1', '0', '0']);
      expect(csv).toHaveLength(10);
    });

    it('answers a bad parameter with a 400 naming it', async () => {
      const res = await http.get('/api/weekly-counts.csv').query({ excel: 'yes' }).expect(400);
      expect(res.body.parameter).toBe('excel');
    });
  });

  describe('cases.csv', () => {
    it('round-trips through a CSV reader: quotes, commas, line breaks and Cyrillic intact', async () => {
      const res = await text('/api/cases.csv', { article: '337' }, READER).expect(200);
      const body = (res.body as Buffer).toString('utf8');
      const [header] = parseCsv(body);
      expect(header).toEqual([
        'case_id', 'court', 'court_name', 'level', 'region', 'instance', 'case_number', 'uid', 'received_on', 'decided_on',
        'outcome', 'result', 'legal_force_on', 'judge', 'charges', 'defendants', 'defendant_names', 'card_url',
      ]);
      const csv = records(body);
      expect(csv.map((r) => r.case_number)).toEqual(['1-2/2023', '1-1/2023', '1-7/2023']); // by date decided
      const first = csv.find((r) => r.case_number === '1-1/2023')!;
      expect(first).toMatchObject({
        court: '63GV0001', level: 'garrison', region: '63', instance: 'first', received_on: '2023-01-03', decided_on: '2023-01-20',
        outcome: 'conviction', result: 'Вынесен ПРИГОВОР, "условно"', charges: '337 ч.5', defendants: '1',
        defendant_names: 'Иванов Иван Иванович', card_url: 'https://example.test/63GV0001/1-1%2F2023',
      });
      expect(csv.find((r) => r.case_number === '1-2/2023')!.charges).toBe('337 ч.2.1; 337 ч.5; 338 ч.1');
    });

    it('neutralises cells that a spreadsheet would run as formulas', async () => {
      const res = await text('/api/cases.csv', { article: '337' }, READER).expect(200);
      const csv = records((res.body as Buffer).toString('utf8'));
      const by = (n: string) => csv.find((r) => r.case_number === n)!;
      expect(by('1-1/2023').judge).toBe(`'=HYPERLINK("http://evil.test","x")`);
      expect(by('1-2/2023').judge).toBe(`'-2+3`);
      expect(by('1-2/2023').result).toBe(`'@SUM(1+1)\nвторая строка`);
      expect(by('1-7/2023').result).toBe(`'\tВынесен ПРИГОВОР`);
      expect(by('1-2/2023').defendant_names).toBe(`'+Петров Пётр; Смирнов Семён`);
      for (const r of csv) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('never shows a name without a key, yet keeps the same columns', async () => {
      const res = await text('/api/cases.csv', { article: '337' }).expect(200);
      const body = (res.body as Buffer).toString('utf8');
      expect(body).not.toMatch(/Иванов|Петров|Смирнов|Кузнецов/);
      const csv = records(body);
      expect(csv).toHaveLength(3);
      expect(csv.every((r) => r.defendant_names === '')).toBe(true);
      expect(res.headers['content-disposition']).toContain('filename="cases_art337.csv"');
      const keyed = await text('/api/cases.csv', { article: '337' }, READER).expect(200);
      expect(keyed.headers['content-disposition']).toContain('filename="cases_art337_with-names.csv"');
    });

    it('filters like /api/cases and matches the weekly counts', async () => {
      const res = await text('/api/cases.csv', { article: '337', outcome: 'conviction', from: '2023-01-02', to: '2023-02-05' }).expect(200);
      const csv = records((res.body as Buffer).toString('utf8'));
      const weekly = await http.get('/api/weekly-counts').query({ from: '2023-01-02', to: '2023-02-05' }).expect(200);
      const total = weekly.body.rows.reduce((s: number, r: { count: number }) => s + r.count, 0);
      expect(csv).toHaveLength(total);
      const part = await text('/api/cases.csv', { article: '337', part: '2.1' }).expect(200);
      expect(records((part.body as Buffer).toString('utf8')).map((r) => r.case_number)).toEqual(['1-2/2023']);
    });

    it('answers bad parameters and unknown keys before streaming', async () => {
      const res = await http.get('/api/cases.csv').query({ outcome: 'guilty' }).expect(400);
      expect(res.body.parameter).toBe('outcome');
      await http.get('/api/cases.csv').set('x-api-key', 'wrong-key-123').expect(401);
    });
  });
});
