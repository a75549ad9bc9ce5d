// The search result listing: counter, pager, `table#tablcont` with 8 (or 7) columns, as the
// sud_delo module prints it; and the restructured listing a court shows after a layout change.
import type { Court } from '../../scrapers/sudrf/types.js';
import { type SimCase, type SimInstance, caseUidOf } from './case-generator.js';
import { ruDate } from './calendar.js';
import { decisionVisible, legalForceVisible } from './case-search.js';
import { NOTICE_262FZ, escapeHtml, moduleHref, pageShell } from './page-layout.js';

export interface ListingView {
  court: Court;
  instance: SimInstance;
  /** The rows of this page. */
  rows: readonly SimCase[];
  total: number;
  page: number;
  pageSize: number;
  /** The request's raw query string, reused for the pager links. */
  rawQuery: string;
  pageParam: string;
  sevenColumns: boolean;
  nowDay: number;
}

const INSTANCE_TITLE: Record<SimInstance, string> = {
  first: 'Уголовные дела - первая инстанция',
  appeal: 'Уголовные дела - апелляция',
};

function withPage(rawQuery: string, pageParam: string, page: number): string {
  let found = false;
  const parts = rawQuery.split('&').map((pair) => {
    const name = pair.split('=')[0]!.toLowerCase();
    if (name !== pageParam) return pair;
    found = true;
    return `${pair.split('=')[0]}=${page}`;
  });
  if (!found) parts.push(`${pageParam}=${page}`);
  return parts.filter(Boolean).join('&');
}

function pager(v: ListingView): string {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const href = (p: number) => `./modules.php?${withPage(v.rawQuery, v.pageParam, p)}`;
  const start = Math.max(1, Math.min(v.page - 4, pages - 9));
  const end = Math.min(pages, start + 9);
  let out = 'Страницы : ';
  if (v.page > 1) {
    out += `<a href= ${href(1)} title="На первую страницу списка">&lt;&lt;</a> <a href= ${href(v.page - 1)} title="Предыдущая страница">&lt;</a> `;
  }
  const numbers: string[] = [];
  for (let p = start; p <= end; p++) numbers.push(p === v.page ? `<b>${p}</b>` : `<a href= ${href(p)}>${p}</a>`);
  out += numbers.join(' | ');
  if (v.page < pages) {
    out += ` <a href= ${href(v.page + 1)} title="Следующая страница">></a>\n\t\t\t\t\t  <a href= ${href(pages)} title="На последнюю страницу списка">>></a>`;
  }
  return out;
}

export function cardQuery(court: Court, c: SimCase): string {
  if (court.form === 'vnkod') {
    return `name=sud_delo&name_op=case&case_id=${c.caseId}&_deloId=${c.instance === 'first' ? '1540006' : '4'}&_caseType=0&_new=${c.instance === 'first' ? '0' : '4'}&srv_num=1`;
  }
  const delo = c.instance === 'first' ? 'delo_id=1540006' : 'new=4&delo_id=4';
  return `name=sud_delo&srv_num=1&name_op=case&case_id=${c.caseId}&case_uid=${caseUidOf(c)}&${delo}`;
}

export function actQuery(c: SimCase): string {
  const delo = c.instance === 'first' ? 'delo_id=1540006&new=0' : 'delo_id=4&new=4';
  return `name=sud_delo&srv_num=1&name_op=doc&number=${c.act!.id}&${delo}&text_number=1`;
}

const ACT_TITLE: Record<string, string> = {
  Приговор: 'Приговоры',
  Постановление: 'Постановления',
  'Апелляционное определение': 'Определения',
};

function infoCell(c: SimCase): string {
  return c.defendants.map((d) => `${escapeHtml(d.name)} - ${escapeHtml(d.articlesText)}`).join('<br />');
}

function row(v: ListingView, c: SimCase): string {
  const decided = decisionVisible(c, v.nowDay);
  const legalForce = legalForceVisible(c, v.nowDay) ? ruDate(c.legalForceDay!) : '';
  const acts =
    decided && c.act
      ? `&nbsp;<a href='${moduleHref(v.court, actQuery(c))}' TITLE='${ACT_TITLE[c.act.kind] ?? 'Судебные акты'}'><img src='/images/arow.gif' style='width: 15px; height: 17px; border: 0; cursor: pointer;'></a>&nbsp;&nbsp;&nbsp;&nbsp;`
      : '&nbsp;';
  const forceCell = v.sevenColumns || c.sevenCells ? '' : legalForce ? `<td align="center">\n\t\t\t\t\t${legalForce}\t\t\t\t</td>` : '<td>&nbsp;</td>';
  return `			<tr valign="top" onmouseout="this.style.backgroundColor='#ffffff';" onmouseover="this.style.backgroundColor='#EFEFEF';"
					style="background-color: rgb(255, 255, 255);">
				<td title="Для получения справки по делу, нажмите на номер дела" style="width:6%;cursor: pointer;"><a href='${moduleHref(v.court, cardQuery(v.court, c))}'>${escapeHtml(c.number)}</a><br></td>
				<td align="center" style="width:3%">
					&nbsp;${ruDate(c.receivedDay)}				</td>
								<td style="width:50%">
					${infoCell(c)}				</td>
				<td>
					${escapeHtml(c.judge)}				</td>
				<td align="center">
					${decided ? ruDate(c.decidedDay!) : '&nbsp;'}				</td>
				<td>
					${decided ? escapeHtml(c.result ?? '') : '&nbsp;'}				</td>
				${forceCell}<td>${acts}				</td>
			</tr>
`;
}

export function renderListing(v: ListingView): string {
  const from = (v.page - 1) * v.pageSize + 1;
  const to = from + v.rows.length - 1;
  const pagerTable = (withCounter: boolean) => `	<table width="100%" border="0">
		<tr>
			<td valign="bottom" nowrap>
				${pager(v)}			</td>${
        withCounter
          ? `
			<td align="right">
				Всего по запросу найдено — ${v.total}. На странице записи с ${from}				по ${to}.&nbsp;&nbsp;<img src="/images/print.gif" alt=""
						width="16" height="16" onClick="openPrintWin(document.getElementById('tablcont'));">
			</td>`
          : ''
      }
		</tr>
	</table>
`;
  const th = (label: string) => `<th style="text-align: center" >${label}</th>`;
  const headers = [
    th('№ дела'),
    th('Дата<br>поступления'),
    th('Информация по делу'),
    th('Судья'),
    th('Дата<br>решения'),
    th('Решение'),
    ...(v.sevenColumns ? [] : [th('Дата вступления<br>в законную силу')]),
    th('Судебные<br>акты'),
  ].join('');
  const content = `<div id='content'>
		<div id=line></div>
	<div align='center' class='title'>
		${INSTANCE_TITLE[v.instance]}		<br>
		<div style="font-size: 12px">
			${NOTICE_262FZ}
		</div>
	</div>
	<div id=line></div>
${pagerTable(true)}	<table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont">
		<tr>
			${headers}		</tr>
${v.rows.map((c) => row(v, c)).join('')}				</table>
${pagerTable(false)}	</div>`;
  return pageShell(v.court, content);
}

/**
 * The same results after a site redesign: no `#tablcont`, no «Всего по запросу найдено», columns
 * reordered in a div grid. A parser written for the old layout must not read it.
 */
export function renderChangedListing(v: ListingView): string {
  const items = v.rows
    .map((c) => {
      const decided = decisionVisible(c, v.nowDay);
      return `		<div class="sdp-case" data-id="${c.caseId}">
			<span class="sdp-case__num"><a href="${moduleHref(v.court, cardQuery(v.court, c))}">${escapeHtml(c.number)}</a></span>
			<span class="sdp-case__state">${decided ? `${escapeHtml(c.result ?? '')} (${ruDate(c.decidedDay!)})` : 'В производстве'}</span>
			<span class="sdp-case__persons">${c.defendants.map((d) => `${escapeHtml(d.name)} (${escapeHtml(d.articlesText)})`).join('; ')}</span>
			<span class="sdp-case__dates">поступило ${ruDate(c.receivedDay)}</span>
			<span class="sdp-case__judge">${escapeHtml(c.judge)}</span>
		</div>
`;
    })
    .join('');
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const content = `<div id='content' class='sdp-v2'>
	<h2 class='sdp-title'>${INSTANCE_TITLE[v.instance]}</h2>
	<div class="sdp-summary">Найдено дел: ${v.total}; страница ${v.page} из ${pages}</div>
	<div class="sdp-results" id="sdpResults">
${items}	</div>
	<nav class="sdp-pages">${v.page < pages ? `<a rel="next" href="./modules.php?${withPage(v.rawQuery, v.pageParam, v.page + 1)}">Далее</a>` : ''}</nav>
</div>`;
  return pageShell(v.court, content);
}
