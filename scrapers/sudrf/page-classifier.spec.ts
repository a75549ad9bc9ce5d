import { describe, it, expect } from '@jest/globals';
import { classifyPage } from './page-classifier.js';

const shell = (content: string, head = '') =>
  `<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>${head}</head><body>
   <div class="menu"><a href="/modules.php?name=info_court">О СУДЕ</a></div><div id='content'>${content}</div></body></html>`;

const listingTable = (id = 'tablcont', headers = ['№ дела', 'Дата поступления', 'Информация по делу', 'Судья', 'Дата решения', 'Решение', 'Дата вступления в законную силу', 'Судебные акты']) =>
  `Всего по запросу найдено — 1. На странице записи с 1 по 1.
   <table id="${id}"><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>
   <tr><td><a href="/modules.php?name_op=case&case_id=1">1-1/2026</a></td><td>01.06.2026</td><td>Петрищев А.А. - ст.337 ч.5 УК РФ</td><td>Судья</td><td></td><td></td><td></td><td></td></tr></table>`;

describe('classifyPage', () => {
  it('finds a listing by its table, also when the table lost its id', () => {
    expect(classifyPage(shell(listingTable())).kind).toBe('listing');
    expect(classifyPage(shell(listingTable('resultTable')))).toEqual({ kind: 'listing', reason: expect.stringContaining('without id=tablcont') });
  });

  it('calls a listing with changed columns unknown, never empty', () => {
    const changed = listingTable('tablcont', ['№ дела', 'Поступило', 'Участники', 'Итог']);
    expect(classifyPage(shell(changed)).kind).toBe('unknown');
    expect(classifyPage(shell('<div class="sdp-summary">Всего по запросу найдено — 3.</div><div class="sdp-case">1-1/2026</div>')).kind).toBe('unknown');
  });

  it('wants the empty marker in the page content, not in a script', () => {
    expect(classifyPage(shell("<div align='center' id=error>Данных по запросу не обнаружено.<br>Уточните критерии поиска.</div>")).kind).toBe('empty');
    expect(classifyPage(shell('<script>var msg = "Данных по запросу не обнаружено";</script>')).kind).toBe('unknown');
    expect(classifyPage('<html><body><p>Данных по запросу не обнаружено</p></body></html>').kind).toBe('unknown');
  });

  it('prefers captcha over empty when a page says both', () => {
    expect(classifyPage(shell("<div id=error>Время жизни сессии закончилось. Данных по запросу не обнаружено</div>")).kind).toBe('captcha');
  });

  it('recognises failure pages', () => {
    expect(classifyPage(shell('<div id=error>Информация временно недоступна</div>')).kind).toBe('down');
    expect(classifyPage('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>').kind).toBe('down');
    expect(classifyPage('<html><body><script>qrator_jsid="1"</script></body></html>').kind).toBe('antibot');
    expect(classifyPage('<html><body>Данный запрос некорректен (B)</body></html>').kind).toBe('blocked');
    expect(classifyPage(shell('<div id=error>Данный модуль неактивен</div>')).kind).toBe('inactive');
    expect(classifyPage(shell('<div id=error>Указанный сервер СДП не найден.</div>')).kind).toBe('bad-request');
  });

  it('does not read the «Неверный формат ввода» script strings as a bad request', () => {
    const page = shell("<div class='title'>Официальный сайт</div>", "<script>x.innerHTML = 'Неверный формат ввода';</script>");
    expect(classifyPage(page).kind).toBe('unknown');
  });

  it('needs capitals for an act heading', () => {
    expect(classifyPage(shell('<p>П О С Т А Н О В Л Е Н И Е</p><p>текст</p>')).kind).toBe('act');
    expect(classifyPage(shell('<p>ПУСТОЙ ДОКУМЕНТ</p>')).kind).toBe('act');
    expect(classifyPage(shell('<div>Решение</div><div>Судья</div>')).kind).toBe('unknown');
  });

  it('calls a hearing schedule table unknown, not a listing', () => {
    const schedule = `<table id="tablcont"><tr><th>№п/п</th><th>Номер дела</th><th>Время слушания</th><th>Место (Зал)</th><th>Информация по делу</th><th>Судья</th><th>Результат</th></tr></table>`;
    expect(classifyPage(shell(schedule)).kind).toBe('unknown');
  });

  it('never puts personal data in the reason', () => {
    const { reason } = classifyPage(shell(listingTable()));
    expect(reason).not.toContain('Петрищев');
  });
});
