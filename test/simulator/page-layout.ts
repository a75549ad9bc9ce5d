// The frame every simulated court page shares: a trimmed version of the GAS "Pravosudie" theme.
import type { Court } from '../../scrapers/sudrf/types.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A `/<CODE>/modules.php?…` link: absolute path, like the real `/modules.php?…`, under the court's prefix. */
export function moduleHref(court: Court, query: string): string {
  return `/${court.code}/modules.php?${query}`;
}

export const NOTICE_262FZ =
  'В соответствии с Федеральным законом от 22.12.2008 № 262-ФЗ «Об обеспечении доступа к информации о деятельности судов в Российской Федерации» не все категории дел подлежат публикации и результат поиска может не отображать полный список дел, находящихся в суде на рассмотрении.';

export function pageShell(court: Court, content: string): string {
  const name = escapeHtml(court.name);
  return `<!DOCTYPE html>
	<html class=' adopt '>
	<head>
   <meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>
   <TITLE>${name}</TITLE>
   <meta http-equiv='X-UA-Compatible' content='IE=edge'>
	<link rel='stylesheet' type='text/css' href='/modules/sud_delo/css/style_portal_old.css'>
	<script src='/modules/sud_delo/JS/sud_delo.js'></script>
	</head>
<body>
<!-- verdict-watch court-site simulator: invented cases and people -->
<div class="container">
	<div class="header"><div class="heading heading_caps heading_title">${name}</div></div>
	<div class='menu menu_vertical menu_brown'>
		<div class="menu__item"><a class="menu__link" href="https://ej.sudrf.ru/?fromOa=${court.code}">Подача процессуальных документов в электронном виде</a></div>
		<div class="menu__item"><a class="menu__link" href="${moduleHref(court, 'name=info_court')}">О СУДЕ</a></div>
	</div>
	<div id="modSdpContent">
	<form id='calformH' name='calformH' method='get' action='/${court.code}/modules.php'>
		<input type='hidden' name='name' value='sud_delo'><input type='hidden' name='srv_num' value='1'>
		<table><tr><td>Вывести список дел, назначенных на дату</td><td><input name='H_date' class='text' id='H_date' type='text' maxLength='10'></td></tr></table>
	</form>
${content}
	</div>
	<div class="footer">Государственная автоматизированная система Российской Федерации «Правосудие»</div>
</div>
</body>
</html>
`;
}
