// The search form (`name_op=sf`, or a search request missing `Submit` / with an empty `vnkod=`),
// optionally with the captcha row, and the captcha-rejected message above it.
import type { Court, SearchForm } from '../../scrapers/sudrf/types.js';
import type { SimInstance } from './case-generator.js';
import type { IssuedCaptcha } from './captcha.js';
import { pageShell } from './page-layout.js';

export interface FormView {
  court: Court;
  form: SearchForm;
  instance: SimInstance;
  captcha?: IssuedCaptcha;
  /** Shown above the form, e.g. «Неверно указан проверочный код с картинки.» */
  error?: string;
}

function input(label: string, name: string, extra = ''): string {
  return `
        			<tr>
         				<td style="width:10%;" align="right">${label}</td>
   	    				<td style="width:40%;">
							<input name='${name}' type='text' class='Lookup' size=70${extra}>    	  				</td>
    	  			</tr>`;
}

function dateRow(label: string, from: string, to: string): string {
  return `
        <tr>
        	<td style="width:30%" valign="bottom" align="right">${label}</td>
	        <td style="width:70%">с <input name='${from}' type='text' class='Lookup' size=10> по <input name='${to}' type='text' class='Lookup' size=10></td>
		</tr>`;
}

export function renderSearchForm(v: FormView): string {
  const first = v.instance === 'first';
  const p = first ? 'u1' : 'u2';
  const P = p.toUpperCase();
  const hidden =
    v.form === 'vnkod'
      ? `	<input name="name" type="hidden" value="sud_delo">
	<input name="name_op" type="hidden" value="r">
	<input name="srv_num" type="hidden" value="1">
	<input name="_deloId" type="hidden" value="${first ? '1540006' : '4'}">
	<input name="case__case_type" type="hidden" value="0">
	<input name="_new" type="hidden" value="${first ? '0' : '4'}">
	<input name="case__vnkod" type="hidden" value="${v.court.code}">
	<input name="case__num_build" type="hidden" value="1">
`
      : `	<input name="name" type="hidden" value="sud_delo">
	<input name="srv_num" type="hidden" value="1">
	<input name="name_op" type="hidden" value="r">
	<input name="vnkod" type="hidden" value="${v.court.code}">
	<input name="delo_id" type="hidden" value="${first ? '1540006' : '4'}">
	<input name="case_type" type="hidden" value="0">
	<input name="new" type="hidden" value="${first ? '0' : '4'}">
`;
  const field = (primary: string, vnkod: string) => (v.form === 'vnkod' ? vnkod : primary);
  const captchaRow = v.captcha
    ? `
					<tr>
						<td style="width:10%;" align="right">Проверочный код</td>
												<td style="width:40%;">  <input name='captcha' autocomplete='off' id='captcha' type='text' class='Lookup' style="vertical-align:top;height:25px;font-size:17px;" size=10> 
						<img src="data: image/png;base64, ${v.captcha.pngBase64}">
						<input name="captchaid" type="hidden" value="${v.captcha.id}">
												</td>
					</tr>`
    : '';
  const error = v.error ? `		<div align='center' id='error'>${v.error}		<br><br></div>\n` : '';
  const content = `<div id='content'>
${error}	<form action="" method="get" name="calform" id="calform">
${hidden}  	  	<table width="100%" cellpadding=0 cellspacing=0 border=0>
		<tr>
      		<td style="width:50%; border: 1px solid #CECECE;" align="center">
      			<div id="case_type" style="font: 14px Tahoma; color: #555;">
    	  			Выбрана картотека поиска:<br>
        			<div style="color:#006699; font-size:20px">
	        			${first ? 'Уголовные дела - первая инстанция' : 'Уголовные дела - апелляция'}    				</div>
    			</div>
    		</td>
  		</tr>
  		<tr>
  	 		<td style="font: 14px Tahoma; color: #555; text-align: center">Поиск по делам
      			<table width="100%" cellpadding=0 cellspacing=2 border=0>${input('Фамилия', field(`${P}_DEFENDANT__NAMESS`, 'parts__namess'))}${input(
        'Номер дела (материала)',
        field(`${p}_case__CASE_NUMBERSS`, 'case__case_numberss'),
      )}${input('Уникальный идентификатор дела', field(`${p}_case__JUDICIAL_UIDSS`, 'case__judicial_uidss'))}${captchaRow}
	  			</table>
    		</td>
   		</tr>
    </table>
${v.form === 'primary' ? `	  	<input name="delo_table" type="hidden" value="${p}_case">\n` : ''}    <div id=line></div>
    <table width="100%" cellpadding=1 cellspacing=2 border=0>
		<tr><td colspan='2' class='title'>ДАННЫЕ ПО ДЕЛУ<br></td></tr>${dateRow('Дата поступления', field(`${p}_case__ENTRY_DATE1D`, 'case__entry_date1d'), field(`${p}_case__ENTRY_DATE2D`, 'case__entry_date2d'))}${dateRow(
    'Дата решения',
    field(`${p}_case__RESULT_DATE1D`, 'case__result_date1d'),
    field(`${p}_case__RESULT_DATE2D`, 'case__result_date2d'),
  )}
		<tr><td colspan='2' class='title'>ЛИЦА<br></td></tr>${input('Статья', field(`${P}_DEFENDANT__LAW_ARTICLESS`, 'parts__law_articless'))}
	</table>
	<div id=line></div>
	<div align="center" style="font-size: 11px; color: #555; margin-top:10px;'">
		<input name="Submit" type="submit" class="booton" value="Найти">
	    <input name="Reset" type="reset" class="booton" value="Очистить">
	</div>
</form></div>`;
  return pageShell(v.court, content);
}
