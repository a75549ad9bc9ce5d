// The case card (tabs ДЕЛО / ДВИЖЕНИЕ ДЕЛА / ЛИЦА / СТОРОНЫ / [ИСПОЛНИТЕЛЬНЫЕ ЛИСТЫ] / СУДЕБНЫЕ АКТЫ,
// `div#contN` in tab order) and the act text page, as the sud_delo module prints them.
import type { Court } from '../../scrapers/sudrf/types.js';
import type { CourtProfile, SimCase } from './case-generator.js';
import { ruDate, workday } from './calendar.js';
import { decisionVisible, legalForceVisible } from './case-search.js';
import { inventOfficial } from './names.js';
import { escapeHtml, moduleHref, pageShell } from './page-layout.js';
import { Rng } from './prng.js';

const EVENT_RESULT: Record<string, string> = {
  conviction: 'Постановлен ПРИГОВОР',
  acquittal: 'Постановлен ПРИГОВОР',
  terminated: 'Производство по делу прекращено',
  returned: 'Дело возвращено прокурору',
  transferred: 'Дело направлено по подсудности',
  merged: 'Дело присоединено к другому делу',
  other: 'Рассмотрено',
};

function articleRef(c: { article: string; part: string | null; point: string | null }): string {
  return `${c.point ? `п.${c.point} ` : ''}${c.part ? `ч.${c.part} ` : ''}ст.${c.article}`;
}

function rowsTable(title: string, headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<td align="center"><b>${h}</b></td>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<br><table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont"><tbody><tr><th colspan="10">${title}</th></tr><tr>${head}</tr>${body}</tbody></table>`;
}

function caseTab(court: Court, c: SimCase, nowDay: number): string {
  const decided = decisionVisible(c, nowDay);
  const field = (label: string, value: string) => `
			            	<tr>
					<td width="50%">
						<b>${label}</b>					</td>
					<td>${value}</td>
            	</tr>`;
  const uidHref = moduleHref(
    court,
    `name=sud_delo&amp;name_op=r_juid&amp;vnkod=${court.code}&amp;srv_num=1&amp;delo_id=${c.instance === 'first' ? '1540006' : '4'}&amp;case_type=0&amp;judicial_uid=${c.judicialUid}`,
  );
  let fields = field('Уникальный идентификатор дела', `<a style="font-size:12px;" href="${uidHref}"><u>${c.judicialUid}</u></a>`);
  fields += field('Дата поступления', ruDate(c.receivedDay));
  if (c.appealOf) {
    fields += field('Номер дела в первой инстанции', escapeHtml(c.appealOf.number));
  }
  fields += field('Судья', escapeHtml(c.judge));
  if (decided) {
    fields += field('Дата рассмотрения', ruDate(c.decidedDay!));
    fields += field('Результат рассмотрения', escapeHtml(c.result ?? ''));
  }
  if (legalForceVisible(c, nowDay)) fields += field('Дата вступления в законную силу', ruDate(c.legalForceDay!));
  fields += field('Признак рассмотрения дела', c.instance === 'first' ? 'Рассмотрено единолично судьей' : 'Рассмотрено коллегией судей');
  return `
		<br><table width="100%" border="0" cellspacing="0" cellpadding="3" id="tablcont">
			<tbody><tr>
       			<th colspan="2" align="center" valign="center">ДЕЛО</th>
       		</tr>${fields}
   		</tbody></table>
	`;
}

function eventsTab(c: SimCase, nowDay: number, rng: Rng): string {
  const rows: string[][] = [];
  let lastDay = -1;
  let minute = 0;
  const add = (name: string, day: number, result = '', place = '') => {
    if (day > nowDay) return;
    minute = day === lastDay ? Math.min(17 * 60 + 59, minute + rng.int(5, 90)) : rng.int(9 * 60, 15 * 60);
    lastDay = day;
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    rows.push([name, ruDate(day), time, place, result, '', '', ruDate(Math.min(nowDay, day + rng.int(0, 3)))]);
  };
  add('Регистрация поступившего в суд дела', c.receivedDay);
  add('Передача материалов дела судье', c.receivedDay);
  const scheduled = workday(c.receivedDay + 3);
  if (c.decidedDay === null || scheduled < c.decidedDay) add('Решение в отношении поступившего уголовного дела', scheduled, 'Назначено судебное заседание');
  if (decisionVisible(c, nowDay)) {
    add('Судебное заседание', c.decidedDay!, EVENT_RESULT[c.outcome ?? 'other']!, `Зал №${rng.int(1, 4)}`);
    add('Дело сдано в отдел судебного делопроизводства', workday(c.decidedDay! + 8));
  }
  return rowsTable(
    'ДВИЖЕНИЕ ДЕЛА',
    ['Наименование события', 'Дата', 'Время', 'Место проведения', 'Результат события', 'Основание для выбранного результата события', 'Примечание', 'Дата размещения'],
    rows,
  );
}

function personsTab(c: SimCase, nowDay: number): string {
  const decided = decisionVisible(c, nowDay);
  return rowsTable(
    'ЛИЦА',
    ['Фамилия / наименование', 'Перечень статей', 'Дата рассмотрения дела в отношении лица', 'Результат в отношении лица'],
    c.defendants.map((d) => [
      escapeHtml(d.name),
      escapeHtml(d.articlesText),
      decided ? ruDate(c.decidedDay!) : '',
      decided ? escapeHtml(d.result ?? '') + (d.resultDetail ? `<br>${escapeHtml(d.resultDetail)}` : '') : '',
    ]),
  );
}

function partiesTab(c: SimCase, profile: CourtProfile, rng: Rng): string {
  const rows = c.defendants.map(() => ['Защитник (адвокат)', `Адвокат ${escapeHtml(inventOfficial(rng))}`, '', '', '', '']);
  rows.push(['Прокурор', `Военная прокуратура гарнизона, ${escapeHtml(profile.prosecutor)}`, '', '', '', '']);
  return rowsTable('СТОРОНЫ', ['Вид лица, участвующего в деле', 'Лицо, участвующее в деле (ФИО, наименование)', 'ИНН', 'КПП', 'ОГРН', 'ОГРНИП'], rows);
}

function execTab(): string {
  return rowsTable('ИСПОЛНИТЕЛЬНЫЕ ЛИСТЫ', ['Дата выдачи', 'Серия, номер бланка', 'Номер электронного ИД', 'Статус', 'Кому выдан / направлен'], []);
}

/** The act text, depersonalised the way published acts are (ФИО1, ФИО2 …). */
export function actText(court: Court, c: SimCase): string {
  const accused = c.defendants.map((d, i) => `ФИО${i + 1}, обвиняемого в совершении преступления, предусмотренного ${d.charges.map(articleRef).join(', ')} УК РФ`);
  const heading = c.act?.kind === 'Приговор' ? 'П Р И Г О В О Р' : c.act?.kind === 'Постановление' ? 'П О С Т А Н О В Л Е Н И Е' : 'АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ';
  const operative: Record<string, string> = {
    conviction: 'ПРИГОВОРИЛ: признать ФИО1 виновным в совершении преступления и назначить ему наказание.',
    acquittal: 'ПРИГОВОРИЛ: ФИО1 оправдать в связи с отсутствием в деянии состава преступления.',
    terminated: 'ПОСТАНОВИЛ: уголовное дело прекратить.',
    returned: 'ПОСТАНОВИЛ: уголовное дело возвратить военному прокурору для устранения препятствий его рассмотрения судом.',
    transferred: 'ПОСТАНОВИЛ: уголовное дело направить по подсудности.',
    other: `ОПРЕДЕЛИЛА: ${c.result ?? ''}.`,
  };
  return `<p align="center"><b>${heading}</b></p>
<p align="center">Именем Российской Федерации</p>
<p>${ruDate(c.decidedDay ?? c.receivedDay)} ${escapeHtml(court.name)} в составе председательствующего ${escapeHtml(c.judge)}, рассмотрев в открытом судебном заседании уголовное дело № ${escapeHtml(c.number)} в отношении ${accused.join('; ')},</p>
<p align="center">УСТАНОВИЛ:</p>
<p>ФИО1, проходя военную службу по мобилизации, без уважительных причин не явился в срок на службу (обстоятельства изложены в обезличенном виде).</p>
<p>${operative[c.outcome ?? 'other'] ?? operative.other}</p>`;
}

export function renderCard(court: Court, profile: CourtProfile, c: SimCase, nowDay: number): string {
  const rng = new Rng(c.caseId ^ 0x5bd1e995);
  const tabs: [string, string][] = [
    ['ДЕЛО', caseTab(court, c, nowDay)],
    ['ДВИЖЕНИЕ ДЕЛА', eventsTab(c, nowDay, rng)],
    ['ЛИЦА', personsTab(c, nowDay)],
    ['СТОРОНЫ', partiesTab(c, profile, rng)],
  ];
  if (profile.execTab) tabs.push(['ИСПОЛНИТЕЛЬНЫЕ ЛИСТЫ', execTab()]);
  let acts = '';
  if (decisionVisible(c, nowDay)) {
    acts = c.act
      ? `<ul class="tabs"><li id="tab_doc1" class="sel"><a href="#" onclick="index_docs(1, 1); return false;">&nbsp;Судебный акт #1 (${c.act.kind})&nbsp;</a></li></ul><div class="contentt"><div id="cont_doc1" style="display: block; padding: 15px; font-size: 14px; color: black;">${actText(court, c)}</div></div>`
      : '<br><div align="center">Судебный акт не подлежит размещению в соответствии с ч.5 ст.15 Федерального закона от 22.12.2008 № 262-ФЗ</div>';
  }
  tabs.push(['СУДЕБНЫЕ АКТЫ', acts]);
  const n = tabs.length;
  const tabList = tabs
    .map(([label], i) => `<li id="tab${i + 1}" class="${i === 0 ? 'sel' : 'nonsel'}"><a href="#" onclick="index(${i + 1}, ${n}); return false;">&nbsp;${label}&nbsp;</a></li>`)
    .join('');
  const conts = tabs
    .map(([, html], i) => `	<div id="cont${i + 1}" style="display: ${i === 0 ? 'block' : 'none'}; padding: 0px 15px 15px;">${html}</div>\n`)
    .join('');
  const content = `<div id="content">
	<div id="line"></div>
<div align="center" class="title">
	${c.instance === 'first' ? 'Уголовные дела - первая инстанция' : 'Уголовные дела - апелляция'}</div>
<div id="line"></div>
<div align="center" class="casenumber">
	ДЕЛО № ${escapeHtml(c.number)}</div>
<ul class="tabs">${tabList}</ul>
<div class="contentt" style="padding:0; margin:0;">
${conts}</div>
</div>`;
  return pageShell(court, content);
}

/** `name_op=doc`: the act text in `div#content`; «ПУСТОЙ ДОКУМЕНТ» for a text number the act lacks. */
export function renderActPage(court: Court, c: SimCase, textNumber: number): string {
  const body = textNumber === 1 ? actText(court, c) : 'ПУСТОЙ ДОКУМЕНТ';
  return pageShell(court, `<div id='content'>\n<div style="padding: 15px; font-size: 14px; color: black;">${body}</div>\n</div>`);
}
