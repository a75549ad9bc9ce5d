import { describe, it, expect } from '@jest/globals';
import { CardLayoutError, parseCard } from './card-parser.js';

function card(title: string, tabs: [string, string][]): string {
  const lis = tabs.map(([label], i) => `<li id="tab${i + 1}"><a href="#">&nbsp;${label}&nbsp;</a></li>`).join('');
  const conts = tabs.map(([, html], i) => `<div id="cont${i + 1}">${html}</div>`).join('');
  return `<html><body><div id="content"><div class="title">${title}</div><div class="casenumber">ДЕЛО № 2-7/2026</div>
    <ul class="tabs">${lis}</ul><div class="contentt">${conts}</div></div></body></html>`;
}

const table = (title: string, headers: string[], rows: string[][]) =>
  `<table id="tablcont"><tr><th colspan="10">${title}</th></tr><tr>${headers.map((h) => `<td><b>${h}</b></td>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table>`;

const caseTab = (pairs: [string, string][]) => `<table id="tablcont"><tr><th colspan="2">ДЕЛО</th></tr>${pairs.map(([l, v]) => `<tr><td><b>${l}</b></td><td>${v}</td></tr>`).join('')}</table>`;

describe('parseCard', () => {
  it('maps tabs by label, whatever their order', () => {
    const html = card('Уголовные дела - первая инстанция', [
      ['ЛИЦА', table('ЛИЦА', ['Фамилия / наименование', 'Перечень статей', 'Дата рассмотрения дела в отношении лица', 'Результат в отношении лица'], [['Ракушкин П.П.', 'ст.337 ч.5 УК РФ', '10.06.2026', 'Вынесен ПРИГОВОР']])],
      ['ДЕЛО', caseTab([['Дата поступления', '01.06.2026'], ['Судья', 'Судья С.С.'], ['Дата рассмотрения', '10.06.2026'], ['Результат рассмотрения', 'Вынесен ПРИГОВОР']])],
    ]);
    const c = parseCard(html, 'https://x.invalid/modules.php?name_op=case&case_id=1&delo_id=1540006');
    expect(c).toMatchObject({ caseNumber: '2-7/2026', instance: 'first', receivedOn: '2026-06-01', judge: 'Судья С.С.', decidedOn: '2026-06-10', outcome: 'conviction' });
    expect(c.defendants).toEqual([{ name: 'Ракушкин П.П.', articles: [{ article: '337', part: '5', point: null }], decidedOn: '2026-06-10', result: 'Вынесен ПРИГОВОР', outcome: 'conviction' }]);
    expect(c.events).toEqual([]);
    expect(c.acts).toEqual([]);
    expect(c.lowerCourt).toBeUndefined();
  });

  it('takes defendants from УЧАСТНИКИ when there is no ЛИЦА tab', () => {
    const html = card('Уголовные дела - кассация', [
      ['ПРОИЗВОДСТВО', caseTab([['Дата поступления', '01.06.2026']])],
      ['УЧАСТНИКИ', table('УЧАСТНИКИ', ['Вид лица, участвующего в деле', 'Фамилия / наименование', 'ИНН'], [['ОСУЖДЕННЫЙ', 'Ракушкин П.П.', ''], ['ПРОКУРОР', 'Прокуратура', '']])],
    ]);
    const c = parseCard(html, 'https://x.invalid/');
    expect(c.instance).toBe('cassation');
    expect(c.defendants).toEqual([{ name: 'Ракушкин П.П.', articles: [], decidedOn: null, result: null, outcome: null }]);
  });

  it('reads the first-instance lines an appeal card keeps in ДЕЛО', () => {
    const html = card('Уголовные дела - апелляция', [['ДЕЛО', caseTab([['Номер дела в первой инстанции', '1-5/2026'], ['Дата поступления', '01.06.2026']])]]);
    expect(parseCard(html, 'https://x.invalid/').lowerCourt).toEqual({ court: null, caseNumber: '1-5/2026', judge: null, decidedOn: null });
  });

  it('falls back on the URL for the instance', () => {
    const html = card('', [['ДЕЛО', caseTab([])]]);
    expect(parseCard(html, 'https://x.invalid/modules.php?name_op=case&case_id=1&new=4&delo_id=4').instance).toBe('appeal');
    expect(parseCard(html, 'https://x.invalid/modules.php?name_op=case&case_id=1&_deloId=1540006&_new=0').instance).toBe('first');
    expect(parseCard(html, 'https://x.invalid/').instance).toBeNull();
  });

  it('throws a descriptive error for a page that is not a card', () => {
    expect(() => parseCard('<html><body><div id="content"></div></body></html>', 'https://x.invalid/')).toThrow(CardLayoutError);
    expect(() => parseCard('<div class="casenumber">ДЕЛО № 1-1/2026</div>', 'https://x.invalid/')).toThrow(/no ДЕЛО tab/);
  });
});
