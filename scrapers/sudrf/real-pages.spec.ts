// The real GAS "Pravosudie" pages in shared/data/pages (see shared/data/PROVENANCE.md), read when
// that folder is present next to the repository. They are not copied into the project.
import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePage } from './parse-page.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/pages');
const present = existsSync(dir);
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const URL_2KSOYU = 'https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=1&vnkod=77KJ0002';

(present ? describe : describe.skip)('real court pages', () => {
  it('cassation-listing-civil.html: counter 530, 25 rows, pager to page 2', () => {
    const page = parsePage(read('cassation-listing-civil.html'), URL_2KSOYU);
    expect(page.kind).toBe('listing');
    const listing = page.listing!;
    expect([listing.total, listing.from, listing.to, listing.rows.length]).toEqual([530, 1, 25, 25]);
    expect(listing.problems).toEqual([]);
    expect(listing.nextPageUrl).toBe(
      'https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=2&vnkod=77KJ0002&srv_num=1&name_op=r&delo_id=2800001' +
        '&case_type=0&new=2800001&delo_table=g33_case&G3_DOCUMENT__PUBL_DATE1D=01.06.2026&G3_DOCUMENT__PUBL_DATE2D=07.06.2026&Submit=%CD%E0%E9%F2%E8',
    );
    const first = listing.rows[0]!;
    expect(first).toMatchObject({
      caseNumber: '8Г-15211/2026 [88-14715/2026]',
      caseId: '18223875',
      caseUid: '3128af6a-aafd-43ab-a873-18c4f46b860e',
      receivedOn: '2026-04-28',
      decidedOn: '2026-05-14',
      result: 'Жалоба / представление ОСТАВЛЕНО БЕЗ УДОВЛЕТВОРЕНИЯ',
      outcome: 'other',
      legalForceOn: null,
      defendants: [],
      actUrls: ['https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=18565938&delo_id=2800001&new=2800001&text_number=1'],
    });
    expect(first.cardUrl).toBe(
      'https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18223875&case_uid=3128af6a-aafd-43ab-a873-18c4f46b860e&new=2800001&delo_id=2800001',
    );
    expect(listing.rows[24]).toMatchObject({ caseNumber: '8Г-13599/2026 [88-13309/2026]', caseId: '18064668', receivedOn: '2026-04-14' });
    expect(listing.rows.every((r) => r.caseUid && r.actUrls.length === 1)).toBe(true);
  });

  it('card-criminal-first-instance.html: case 1-151/2026, terminated, one defendant under ст.173.1 ч.2 п.б', () => {
    const page = parsePage(read('card-criminal-first-instance.html'), 'https://leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=1&delo_id=1540006');
    expect(page.kind).toBe('card');
    const card = page.card!;
    expect(card).toMatchObject({
      caseNumber: '1-151/2026',
      uid: '03RS0003-01-2026-003803-62',
      instance: 'first',
      receivedOn: '2026-04-22',
      decidedOn: '2026-05-06',
      outcome: 'terminated',
      legalForceOn: null,
    });
    expect(card.result).toMatch(/^Уголовное дело ПРЕКРАЩЕНО\n/);
    expect(card.defendants).toHaveLength(1);
    expect(card.defendants[0]).toMatchObject({ articles: [{ article: '173.1', part: '2', point: 'б' }], decidedOn: '2026-05-06', outcome: 'terminated' });
    expect(card.events.map((e) => [e.date, e.time])).toEqual([
      ['2026-04-22', '15:56'],
      ['2026-04-22', '16:59'],
      ['2026-04-24', '18:06'],
      ['2026-05-06', '10:00'],
      ['2026-05-15', '12:23'],
    ]);
    expect(card.events[3]).toMatchObject({ name: 'Судебное заседание', result: 'Производство по делу прекращено' });
    expect(card.acts).toHaveLength(1);
    expect(card.acts[0]!.title).toBe('Судебный акт #1 (Постановление)');
    expect(card.acts[0]!.text).toMatch(/^дело № 1 – 151\/2026\nПОСТАНОВЛЕНИЕ\n/);
  });

  it('card-civil-cassation.html: the ПРОИЗВОДСТВО / СЛУШАНИЯ / УЧАСТНИКИ tab set', () => {
    const page = parsePage(read('card-civil-cassation.html'), 'https://3kas.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=1&new=2800001&delo_id=2800001');
    expect(page.kind).toBe('card');
    expect(page.card).toMatchObject({
      caseNumber: '8Г-2430/2026 [88-4097/2026]',
      uid: '11RS0001-01-2025-011255-03',
      instance: 'cassation',
      receivedOn: '2026-02-03',
      decidedOn: '2026-03-02',
      result: 'АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ ОТМЕНЕНО - с направлением на новое рассмотрение',
      outcome: 'other',
      defendants: [],
      events: [{ name: 'Судебное заседание', date: '2026-03-02', time: '10:00', result: 'АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ ОТМЕНЕНО - с направлением на новое рассмотрение' }],
      lowerCourt: { caseNumber: '2-7212/2025', decidedOn: '2025-08-18' },
    });
    expect(page.card!.category).toMatch(/^Споры, возникающие из трудовых отношений → /);
    expect(page.card!.acts.map((a) => a.title)).toEqual(['Судебный акт #1 (Постановления)']);
  });

  it('listing-silent-empty.html is empty; the captcha pages are captcha', () => {
    expect(parsePage(read('listing-silent-empty.html'), URL_2KSOYU).kind).toBe('empty');
    expect(parsePage(read('listing-captcha-rejected.html'), URL_2KSOYU).kind).toBe('captcha');
    expect(parsePage(read('search-form-with-captcha.html'), URL_2KSOYU).kind).toBe('captcha');
  });
});
