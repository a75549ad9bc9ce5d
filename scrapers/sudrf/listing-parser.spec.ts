import { describe, it, expect } from '@jest/globals';
import { ListingLayoutError, parseListing } from './listing-parser.js';

const HEAD8 = ['№ дела', 'Дата<br>поступления', 'Информация по делу', 'Судья', 'Дата<br>решения', 'Решение', 'Дата вступления<br>в законную силу', 'Судебные<br>акты'];

function page(rows: string[][], counter = '', pager = '', headers = HEAD8): string {
  return `<html><body><div id='content'>
    <table><tr><td>${pager}</td><td align="right">${counter}</td></tr></table>
    <table id="tablcont"><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>
    ${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
    </table></div></body></html>`;
}

const card = (n: number) => `<a href='/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=${n}&case_uid=u-${n}&delo_id=1540006'>1-${n}/2026</a>`;
const row = (n: number, info: string, extra: string[] = ['Судья Т.Т.', '02.06.2026', 'Вынесен ПРИГОВОР', '&nbsp;', '&nbsp;']) => [card(n), '&nbsp;01.06.2026', info, ...extra];

describe('parseListing', () => {
  it('reads rows of 8 and of 7 cells (no legal-force cell)', () => {
    const html = page(
      [
        row(1, 'Петрищев А.А. - ст.337 ч.5 УК РФ', ['Судья Т.Т.', '02.06.2026', 'Вынесен ПРИГОВОР', '20.06.2026', `<a href='/modules.php?name_op=doc&number=9'>акт</a>`]),
        row(2, 'Ладыгин Б.Б. - ст.337 ч.2.1 УК РФ', ['Судья Т.Т.', '03.06.2026', 'Направлено по подсудности', `<a href='/modules.php?name_op=doc&number=10'>акт</a>`]),
      ],
      'Всего по запросу найдено — 2. На странице записи с 1 по 2.',
    );
    const listing = parseListing(html, 'https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&page=1');
    expect(listing.problems).toEqual([]);
    expect(listing.rows.map((r) => [r.caseNumber, r.legalForceOn, r.outcome, r.actUrls])).toEqual([
      ['1-1/2026', '2026-06-20', 'conviction', ['https://gvs--ros.sudrf.ru/modules.php?name_op=doc&number=9']],
      ['1-2/2026', null, 'transferred', ['https://gvs--ros.sudrf.ru/modules.php?name_op=doc&number=10']],
    ]);
    expect(listing.rows[0]).toMatchObject({ caseId: '1', caseUid: 'u-1', receivedOn: '2026-06-01', decidedOn: '2026-06-02', judge: 'Судья Т.Т.' });
  });

  it('splits the info column into defendants with their articles', () => {
    const info = [
      'Петрищев А.А. - ст.337 ч.5 УК РФ',
      'Ладыгин Б.Б. - ст.337 ч.3.1; ст.338 ч.1 УК РФ',
      'ст.339 ч.2 УК РФ',
      'Сомов-Ветлугин В.В.',
      'ст.337.1 ч.1 УК РФ',
    ].join('<br />');
    const [r] = parseListing(page([row(1, info)], 'Всего по запросу найдено — 1. На странице записи с 1 по 1.'), 'https://x.invalid/').rows;
    expect(r!.defendants.map((d) => [d.name, d.articles.map((a) => `${a.article}/${a.part}`)])).toEqual([
      ['Петрищев А.А.', ['337/5']],
      ['Ладыгин Б.Б.', ['337/3.1', '338/1', '339/2']],
      ['Сомов-Ветлугин В.В.', ['337.1/1']],
    ]);
  });

  it('reports rows that disagree with the counter and rows it cannot read', () => {
    const html = page([row(1, 'Петрищев А.А. - ст.337 ч.5 УК РФ'), [card(2), '01.06.2026', 'x']], 'Всего по запросу найдено — 3. На странице записи с 1 по 3.');
    const listing = parseListing(html, 'https://x.invalid/');
    expect(listing.rows).toHaveLength(1);
    expect(listing.problems).toEqual([
      'Row 2 (1-2/2026) has 3 cells, expected 8',
      'Counter says rows 1–3 of 3 (3) but 1 rows were read',
    ]);
  });

  it('never returns zero rows silently', () => {
    expect(parseListing(page([]), 'https://x.invalid/').problems).toEqual(['No «Всего по запросу найдено» counter on the page']);
    expect(parseListing(page([], 'Всего по запросу найдено — 7. На странице записи с 1 по 7.'), 'https://x.invalid/').problems).toHaveLength(1);
  });

  it('follows the pager, and builds page N+1 when the counter needs it and no link exists', () => {
    const url = 'http://127.0.0.1:4010/61GV0001/modules.php?name=sud_delo&page=1&U1_DEFENDANT__LAW_ARTICLESS=337+%F7.5&Submit=%CD%E0%E9%F2%E8';
    const rows = Array.from({ length: 2 }, (_, i) => row(i + 1, 'Петрищев А.А. - ст.337 ч.5 УК РФ'));
    const counter = 'Всего по запросу найдено — 4. На странице записи с 1 по 2.';
    const linked = parseListing(page(rows, counter, `<b>1</b> | <a href= ./modules.php?name=sud_delo&page=2&U1_DEFENDANT__LAW_ARTICLESS=337+%F7.5>2</a>`), url);
    expect(linked.nextPageUrl).toBe('http://127.0.0.1:4010/61GV0001/modules.php?name=sud_delo&page=2&U1_DEFENDANT__LAW_ARTICLESS=337+%F7.5');
    expect(linked.rows[0]!.cardUrl).toBe('http://127.0.0.1:4010/61GV0001/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=1&case_uid=u-1&delo_id=1540006');
    const unlinked = parseListing(page(rows, counter), url);
    expect(unlinked.nextPageUrl).toBe(url.replace('page=1', 'page=2'));
    expect(unlinked.problems).toEqual([expect.stringContaining('no link to page 2')]);
  });

  it('stops at the last page even if a pager link is left', () => {
    const rows = [row(3, 'Петрищев А.А. - ст.337 ч.5 УК РФ')];
    const last = parseListing(page(rows, 'Всего по запросу найдено — 3. На странице записи с 3 по 3.', `<a href='./modules.php?page=4' title="Следующая страница">></a>`), 'https://x.invalid/modules.php?page=3');
    expect(last.nextPageUrl).toBeNull();
  });

  it('throws a descriptive error when there is no case table', () => {
    expect(() => parseListing('<html><body><div id="content">Ничего</div></body></html>', 'https://x.invalid/')).toThrow(ListingLayoutError);
    expect(() => parseListing(page([], '', '', ['№ дела', 'Поступило', 'Итог', 'Судья']), 'https://x.invalid/')).toThrow(/header not recognised/);
  });
});
