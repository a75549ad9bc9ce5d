// The pages a court site answers with when there is nothing to show or something is wrong.
// All are HTTP 200 on the real sites except where noted.
import type { Court } from '../../scrapers/sudrf/types.js';
import { NOTICE_262FZ, pageShell } from './page-layout.js';

function errorDiv(court: Court, message: string): string {
  return pageShell(
    court,
    `<div id='content'>
		<div style='text-align: center' class='title'>
		<div style="font-size: 12px">
			${NOTICE_262FZ}
		</div>
	<div align='center' class='title'>
	<div align='center' id=error>${message}<br><br>
		<a href="#"
				onclick="document.location.href = '/${court.code}/modules.php?name=sud_delo&srv_num=1&name_op=sf&delo_id=1540006&case_type=0&new=0';">Вернуться
			на форму поиска<a>
	</div>
	</div>
	</div>
</div>`,
  );
}

/** The silent empty answer: an honest "nothing found" and a malformed query look the same. */
export function renderEmptyResult(court: Court): string {
  return errorDiv(court, 'Данных по запросу не обнаружено.<br>Уточните критерии поиска. ');
}

export function renderBadRequest(court: Court): string {
  return errorDiv(court, 'НЕВЕРНЫЙ ФОРМАТ ЗАПРОСА!');
}

export function renderInactiveModule(court: Court): string {
  return pageShell(court, `<div id='content'><div align='center' id='error'>Данный модуль неактивен</div></div>`);
}

export function renderNoHearings(court: Court, date: string): string {
  return pageShell(court, `<div id='content'><div align='center'>На ${date.replace(/[<>&"']/g, '')} дел не назначено</div></div>`);
}

export function renderCourtHome(court: Court): string {
  return pageShell(
    court,
    `<div id='content'><div class='title'>Официальный сайт</div><p><a href="/${court.code}/modules.php?name=sud_delo&srv_num=1&name_op=sf&delo_id=1540006">Поиск информации по делам</a></p></div>`,
  );
}

/** The court's database is unreachable: the module prints this instead of any page. */
export function renderDown(court: Court): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><TITLE>${court.name}</TITLE></head>
<body>
<div id='content'><div align='center' id='error'>Информация временно недоступна. Приносим извинения за доставленные неудобства.<br>Повторите запрос позже.</div></div>
</body></html>
`;
}

/** The web application firewall's answer (HTTP 200 or 403). */
export function renderBlocked(incident: string): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><title>Запрос заблокирован</title></head>
<body style="font-family: Arial, sans-serif">
<h1>Доступ запрещён</h1>
<p>Этот запрос заблокирован по соображениям безопасности.</p>
<p>Если вы считаете, что это ошибка, сообщите администратору сайта идентификатор инцидента: <b>${incident}</b></p>
</body></html>
`;
}

/** A Qrator-style JavaScript challenge: nothing for a plain HTTP client to read. */
export function renderAntibot(jsid: string): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><title></title>
<script>var qrator_jsid = "${jsid}"; document.cookie = "qrator_jsid=" + qrator_jsid + "; path=/";</script>
<script src="/__qrator/qauth_utm_v2.js" defer></script>
</head>
<body><noscript>Для доступа к сайту необходимо включить JavaScript в вашем браузере.</noscript></body></html>
`;
}

export function renderServiceUnavailable(): string {
  return `<html>
<head><title>503 Service Temporarily Unavailable</title></head>
<body>
<center><h1>503 Service Temporarily Unavailable</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;
}
