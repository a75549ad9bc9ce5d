import { describe, it, expect } from '@jest/globals';
import { findCourt } from './court-registry.js';
import { buildCardUrl, buildSearchUrl, parseSearchQuery, readSearchRequest } from './search-url.js';
import type { Court } from './types.js';

const kazan = findCourt('63GV0004')!; // primary form
const samara = findCourt('63GV0001')!; // vnkod form
const south = findCourt('61OV0000')!; // okrug
const vkas = findCourt('54KV0000')!; // cassation

describe('buildSearchUrl', () => {
  it('builds the primary-form first-instance criminal search', () => {
    expect(
      buildSearchUrl('https://kazanskygvs--tat.sudrf.ru/', kazan, {
        instance: 'first',
        article: '337',
        part: '5',
        decidedFrom: '2026-06-01',
        decidedTo: '2026-06-07',
      }),
    ).toBe(
      'https://kazanskygvs--tat.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=1&vnkod=63GV0004&delo_id=1540006' +
        '&case_type=0&new=0&delo_table=u1_case&u1_case__ENTRY_DATE1D=&u1_case__ENTRY_DATE2D=' +
        '&u1_case__RESULT_DATE1D=01.06.2026&u1_case__RESULT_DATE2D=07.06.2026&U1_DEFENDANT__LAW_ARTICLESS=337+%F7.5&Submit=%CD%E0%E9%F2%E8',
    );
  });

  it('resolves against the base URL, keeping a simulator path prefix', () => {
    const url = buildSearchUrl('http://127.0.0.1:4010/63GV0004/', kazan, { instance: 'first', article: '337', page: 3 });
    expect(url.startsWith('http://127.0.0.1:4010/63GV0004/modules.php?name=sud_delo&srv_num=1&name_op=r&page=3&vnkod=63GV0004&')).toBe(true);
    expect(buildSearchUrl('http://127.0.0.1:4010/63GV0004', kazan, { instance: 'first' })).toMatch(/^http:\/\/127\.0\.0\.1:4010\/63GV0004\/modules\.php\?/);
  });

  it('never sends an empty vnkod', () => {
    for (const court of [kazan, samara, south, vkas]) {
      const instance = court === vkas ? 'cassation' : 'first';
      expect(buildSearchUrl('https://x.invalid/', court, { instance })).not.toMatch(/[?&](case__)?vnkod=(&|$)/);
    }
  });

  it('builds the received-date window and a point', () => {
    const url = buildSearchUrl('https://x.invalid/', kazan, {
      instance: 'first',
      article: '337',
      part: '2.1',
      point: 'б',
      receivedFrom: '2026-04-01',
      receivedTo: '2026-06-30',
    });
    expect(url).toContain('&u1_case__ENTRY_DATE1D=01.04.2026&u1_case__ENTRY_DATE2D=30.06.2026&u1_case__RESULT_DATE1D=&');
    expect(url).toContain('&U1_DEFENDANT__LAW_ARTICLESS=337+%F7.2.1+%EF.%E1&');
  });

  it('builds appeal and cassation searches on their own indexes', () => {
    const appeal = buildSearchUrl('https://yovs--ros.sudrf.ru/', south, { instance: 'appeal', article: '337', decidedFrom: '2026-06-01' });
    expect(appeal).toContain('&vnkod=61OV0000&delo_id=4&case_type=0&new=4&delo_table=u2_case&u2_case__ENTRY_DATE1D=');
    expect(appeal).toContain('&u2_case__RESULT_DATE1D=01.06.2026&');
    expect(appeal).toContain('&U2_DEFENDANT__LAW_ARTICLESS=337&Submit=%CD%E0%E9%F2%E8');
    const cassation = buildSearchUrl('https://vkas.sudrf.ru/', vkas, { instance: 'cassation', article: '337' });
    expect(cassation).toContain('&vnkod=54KV0000&delo_id=2450001&case_type=0&new=2450001&delo_table=u33_case&u33_case__ENTRY_DATE1D=');
    expect(cassation).toContain('&U33_DEFENDANT__LAW_ARTICLESS=337&Submit=');
  });

  it('builds the vnkod-form search', () => {
    expect(
      buildSearchUrl('https://gvs--sam.sudrf.ru/', samara, { instance: 'first', article: '337', part: '5', decidedFrom: '2026-06-01', decidedTo: '2026-06-07', page: 2 }),
    ).toBe(
      'https://gvs--sam.sudrf.ru/modules.php?name=sud_delo&name_op=r&_page=2&srv_num=1&_deloId=1540006&case__case_type=0&_new=0' +
        '&case__vnkod=63GV0001&case__num_build=1&case__entry_date1d=&case__entry_date2d=&case__result_date1d=01.06.2026' +
        '&case__result_date2d=07.06.2026&parts__law_articless=337+%F7.5',
    );
    expect(() => buildSearchUrl('https://gvs--sam.sudrf.ru/', samara, { instance: 'cassation' })).toThrow(RangeError);
  });

  it('rejects malformed dates, pages and a part without an article', () => {
    expect(() => buildSearchUrl('https://x.invalid/', kazan, { instance: 'first', decidedFrom: '01.06.2026' })).toThrow(RangeError);
    expect(() => buildSearchUrl('https://x.invalid/', kazan, { instance: 'first', page: 0 })).toThrow(RangeError);
    expect(() => buildSearchUrl('https://x.invalid/', kazan, { instance: 'first', part: '5' })).toThrow(RangeError);
  });
});

describe('buildCardUrl', () => {
  it('builds card URLs for each form and instance', () => {
    expect(buildCardUrl('https://kazanskygvs--tat.sudrf.ru/', kazan, { instance: 'first', caseId: '24117301', caseUid: 'a-b' })).toBe(
      'https://kazanskygvs--tat.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=24117301&case_uid=a-b&delo_id=1540006',
    );
    expect(buildCardUrl('https://yovs--ros.sudrf.ru/', south, { instance: 'appeal', caseId: '5512044' })).toBe(
      'https://yovs--ros.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=5512044&new=4&delo_id=4',
    );
    expect(buildCardUrl('http://127.0.0.1:4010/63GV0001/', samara, { instance: 'first', caseId: '331045' })).toBe(
      'http://127.0.0.1:4010/63GV0001/modules.php?name=sud_delo&name_op=case&case_id=331045&_deloId=1540006&_caseType=0&_new=0&srv_num=1',
    );
  });
});

describe('parseSearchQuery / readSearchRequest', () => {
  it('decodes cp1251 query values into a plain object, last value winning', () => {
    expect(parseSearchQuery('https://x.invalid/modules.php?name=sud_delo&name_op=r&name_op=case&U1_DEFENDANT__LAW_ARTICLESS=337+%F7.5&Submit=%CD%E0%E9%F2%E8')).toEqual({
      name: 'sud_delo',
      name_op: 'case',
      U1_DEFENDANT__LAW_ARTICLESS: '337 ч.5',
      Submit: 'Найти',
    });
    expect(parseSearchQuery(new URL('https://x.invalid/'))).toEqual({});
  });

  const cases: [Court, Parameters<typeof buildSearchUrl>[2]][] = [
    [kazan, { instance: 'first', article: '337', part: '3.1', decidedFrom: '2026-06-01', decidedTo: '2026-06-07', page: 4 }],
    [kazan, { instance: 'first', article: '337.1', receivedFrom: '2026-01-01', receivedTo: '2026-03-31' }],
    [south, { instance: 'appeal', article: '337', part: '5', point: 'б' }],
    [vkas, { instance: 'cassation', article: '338' }],
    [samara, { instance: 'first', article: '337', part: '2.1', decidedFrom: '2026-06-01', page: 2 }],
  ];

  it.each(cases)('reads back what buildSearchUrl wrote (%#)', (court, q) => {
    const r = readSearchRequest(buildSearchUrl('http://127.0.0.1:4010/X/', court, q));
    expect(r).toEqual({
      form: court.form,
      instance: q.instance,
      vnkod: court.code,
      article: q.article ?? null,
      part: q.part ?? null,
      point: q.point ?? null,
      decidedFrom: q.decidedFrom ?? null,
      decidedTo: q.decidedTo ?? null,
      receivedFrom: q.receivedFrom ?? null,
      receivedTo: q.receivedTo ?? null,
      page: q.page ?? 1,
      submitted: true,
    });
  });

  it('notices a missing Submit and the silent wrong index', () => {
    const url = buildSearchUrl('https://x.invalid/', kazan, { instance: 'first' }).replace('&Submit=%CD%E0%E9%F2%E8', '');
    expect(readSearchRequest(url).submitted).toBe(false);
    expect(readSearchRequest('https://x.invalid/modules.php?name=sud_delo&name_op=r&delo_id=2450001&new=0&Submit=%CD%E0%E9%F2%E8').instance).toBeNull();
  });
});
