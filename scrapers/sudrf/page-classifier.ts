import { findListingTable } from './listing-table.js';
import { byId, indexPage, type PageIndex } from './page-index.js';
import { textOf } from './html-dom.js';
import type { Classification, PageKind } from './types.js';

// Marker texts of GAS "Pravosudie" pages (all served with HTTP 200), after tochno-st's
// IssueByTextIdentifier and arvidsever/Sudrf's fixtures; see shared/research/court-sites.md §1.6.
const EMPTY_MARKER = 'Данных по запросу не обнаружено';
const CAPTCHA_TEXTS = ['Неверно указан проверочный код', 'код с картинки', 'Время жизни сессии закончилось'];
const BLOCKED_TEXTS = ['Этот запрос заблокирован по соображениям безопасности', 'Данный запрос некорректен'];
const DOWN_TEXTS = [
  'Информация временно недоступна',
  'Warning: pg_connect()',
  'В настоящий момент производится информационное наполнение сайта',
];
const DOWN_STATUS = /^\s*(?:502 Bad Gateway|503 Service (?:Temporarily )?Unavailable|504 Gateway Time-?out)\b/m;
const INACTIVE_TEXT = 'Данный модуль неактивен';
const BAD_REQUEST_TEXTS = ['НЕВЕРНЫЙ ФОРМАТ ЗАПРОСА', 'Указанный сервер СДП не найден'];
const COUNTER = 'Всего по запросу найдено';
// Headings of an act's text, compared without spaces («П Р И Г О В О Р»); they must be written in capitals.
const ACT_HEADINGS = new Set([
  'ПРИГОВОР',
  'ПОСТАНОВЛЕНИЕ',
  'ОПРЕДЕЛЕНИЕ',
  'РЕШЕНИЕ',
  'АПЕЛЛЯЦИОННЫЙПРИГОВОР',
  'АПЕЛЛЯЦИОННОЕОПРЕДЕЛЕНИЕ',
  'АПЕЛЛЯЦИОННОЕПОСТАНОВЛЕНИЕ',
  'КАССАЦИОННОЕОПРЕДЕЛЕНИЕ',
  'КАССАЦИОННОЕПОСТАНОВЛЕНИЕ',
  'ПУСТОЙДОКУМЕНТ',
]);

function actHeading(text: string): string | undefined {
  return text.split('\n').find((line) => {
    const key = line.replace(/\s+/g, '');
    if (key.toUpperCase().replace(/Ё/g, 'Е') === 'ИМЕНЕМРОССИЙСКОЙФЕДЕРАЦИИ') return true;
    return key.length <= 30 && key === key.toUpperCase() && ACT_HEADINGS.has(key);
  });
}

function result(kind: PageKind, reason: string): Classification {
  return { kind, reason };
}

function findText(text: string, markers: readonly string[]): string | undefined {
  return markers.find((m) => text.includes(m));
}

/** Classifies an indexed page; the parsers reuse the index. */
export function classifyIndexedPage(index: PageIndex): Classification {
  const table = findListingTable(index);
  if (table.kind === 'found') return result('listing', table.reason);

  if (index.caseNumber && /дело\s*№/i.test(textOf(index.caseNumber))) {
    if (index.tabs.length > 0 || index.ids.has('tab_content_Case') || index.ids.has('cont1'))
      return result('card', `case number heading with ${index.tabs.length || 'vnkod-form'} tabs`);
  }

  // Visible text only: the module's scripts carry strings such as «Неверный формат ввода».
  const content = byId(index, 'content');
  const contentText = content ? textOf(content) : '';
  const pageText = textOf(index.doc);

  const captchaText = findText(pageText, CAPTCHA_TEXTS);
  if (captchaText) return result('captcha', `captcha message «${captchaText}»`);

  if (content && contentText.includes(EMPTY_MARKER)) return result('empty', `result page says «${EMPTY_MARKER}»`);

  const blocked = findText(pageText, BLOCKED_TEXTS);
  if (blocked) return result('blocked', `block message «${blocked}»`);
  if (/qrator/i.test(index.html) && (index.scripts.length > 0 || /qrator_jsid/i.test(index.html)))
    return result('antibot', 'Qrator JS challenge');
  const down = findText(pageText, DOWN_TEXTS);
  if (down) return result('down', `court site message «${down}»`);
  const status = DOWN_STATUS.exec(pageText);
  if (status) return result('down', `gateway error «${status[0].trim()}»`);
  if (pageText.includes(INACTIVE_TEXT)) return result('inactive', `«${INACTIVE_TEXT}»`);
  const bad = findText(pageText, BAD_REQUEST_TEXTS);
  if (bad) return result('bad-request', `«${bad}»`);

  if (index.inputs.has('captcha') || index.inputs.has('captchaid'))
    return result('captcha', 'search form with a captcha code field');

  if (table.kind === 'unrecognised') return result('unknown', table.reason);
  if (index.html.includes(COUNTER)) return result('unknown', `«${COUNTER}» counter without a readable case table`);

  if (index.inputs.has('delo_table'))
    return result('bad-request', 'search form returned instead of results (missing Submit or vnkod?)');

  const heading = content ? actHeading(contentText) : undefined;
  if (heading) return result('act', `document heading «${heading.trim()}» in #content`);

  return result('unknown', content ? 'no known marker in #content' : 'not a GAS "Pravosudie" module page');
}

/**
 * What kind of court page this is, from its decoded HTML: listing, card, act, an honest empty
 * result, or one of the failure pages (captcha, blocked, antibot, down, inactive, bad-request).
 * A page it does not understand is 'unknown', never 'empty'.
 */
export function classifyPage(html: string): Classification {
  return classifyIndexedPage(indexPage(html));
}
