import { parseArticles } from './articles.js';
import { classifyOutcome } from './outcome.js';
import { findAll, isoDate, lineOf, nullIfEmpty, textOf, type HtmlElement } from './html-dom.js';
import { column, readTable, rowCells, tableRows } from './html-table.js';
import { byId, indexPage, type PageIndex } from './page-index.js';
import { linkParam, resolveLink } from './site-links.js';
import type { CaseAct, CaseCard, CaseEvent, Defendant, Instance, LowerCourt } from './types.js';

/** Thrown when a page is not a case card the parser can read. */
export class CardLayoutError extends Error {
  override name = 'CardLayoutError';
}

type Section = 'case' | 'events' | 'persons' | 'parties' | 'acts' | 'lower';

// Tabs are mapped by their label, never by number: numbering differs between courts and indexes.
const SECTION_BY_LABEL: [RegExp, Section][] = [
  [/^(ДЕЛО|ПРОИЗВОДСТВО|МАТЕРИАЛ|ЖАЛОБА)$/, 'case'],
  [/^(ДВИЖЕНИЕ ДЕЛА|СЛУШАНИЯ|ДВИЖЕНИЕ)$/, 'events'],
  [/^ЛИЦА$/, 'persons'],
  [/^(СТОРОНЫ|УЧАСТНИКИ|СТОРОНЫ ПО ДЕЛУ)/, 'parties'],
  [/^СУДЕБНЫЕ АКТЫ$/, 'acts'],
  [/НИЖЕСТОЯЩЕМ СУДЕ|ПЕРВОЙ ИНСТАНЦИИ$/, 'lower'],
];

// The vnkod form's `#tab_content_<Name>` containers.
const SECTION_BY_VNKOD_ID: [RegExp, Section][] = [
  [/^tab_content_Case$/, 'case'],
  [/^tab_content_EventList$/, 'events'],
  [/^tab_content_(PersonList|Persons|DefendantList)$/, 'persons'],
  [/^tab_content_(PartList|Parties|SideList)$/, 'parties'],
  [/^tab_content_(LowerCourt|Lower|Instance1)$/, 'lower'],
];

function sectionOf(label: string): Section | null {
  const l = label.toUpperCase().replace(/\s+/g, ' ').trim();
  return SECTION_BY_LABEL.find(([re]) => re.test(l))?.[1] ?? null;
}

function collectSections(index: PageIndex): Map<Section, HtmlElement> {
  const sections = new Map<Section, HtmlElement>();
  for (const li of index.tabs) {
    const n = li.attribs['id']!.slice(3);
    const content = byId(index, `cont${n}`);
    const section = sectionOf(lineOf(li));
    if (content && section && !sections.has(section)) sections.set(section, content);
  }
  for (const [id, els] of index.ids) {
    if (!id.startsWith('tab_content_')) continue;
    const section = SECTION_BY_VNKOD_ID.find(([re]) => re.test(id))?.[1];
    if (section && !sections.has(section)) sections.set(section, els[0]!);
  }
  // No tab strip (e.g. a printed card): fall back to each #contN table's own title row.
  if (sections.size === 0)
    for (const [id, els] of index.ids) {
      if (!/^cont\d+$/.test(id)) continue;
      const title = findAll(els[0]!, new Set(['th']))[0];
      const section = title ? sectionOf(lineOf(title)) : null;
      if (section && !sections.has(section)) sections.set(section, els[0]!);
    }
  return sections;
}

/** The desktop table of a section: vnkod-form cards repeat every table in `div.block-mobile`. */
function sectionTable(section: HtmlElement): HtmlElement | null {
  const tables = findAll(section, new Set(['table']));
  return tables.find((t) => !insideMobileBlock(t, section)) ?? tables[0] ?? null;
}

function insideMobileBlock(el: HtmlElement, stop: HtmlElement): boolean {
  for (let p = el.parent; p && p !== stop; p = p.parent)
    if ('attribs' in p && /(^|\s)block-mobile(\s|$)/.test((p as HtmlElement).attribs['class'] ?? '')) return true;
  return false;
}

/** Label → value cell pairs of a ДЕЛО-style table (`<td><b>label</b></td><td>value</td>`). */
function labelledValues(section: HtmlElement): [string, HtmlElement][] {
  const table = sectionTable(section);
  if (!table) return [];
  const out: [string, HtmlElement][] = [];
  for (const row of tableRows(table)) {
    const cells = rowCells(row);
    if (cells.length < 2) continue;
    out.push([lineOf(cells[0]!).toLowerCase().replace(/ё/g, 'е'), cells[1]!]);
  }
  return out;
}

function oneLine(cell: HtmlElement): string | null {
  return nullIfEmpty(lineOf(cell));
}

interface CaseFields {
  uid: string | null;
  category: string | null;
  receivedOn: string | null;
  judge: string | null;
  decidedOn: string | null;
  result: string | null;
  legalForceOn: string | null;
}

function readCaseFields(section: HtmlElement | undefined): CaseFields {
  const f: CaseFields = { uid: null, category: null, receivedOn: null, judge: null, decidedOn: null, result: null, legalForceOn: null };
  if (!section) return f;
  for (const [label, cell] of labelledValues(section)) {
    if (label.startsWith('уникальный идентификатор')) f.uid ??= oneLine(cell);
    else if (label.startsWith('дата поступления')) f.receivedOn ??= isoDate(lineOf(cell));
    else if (label.startsWith('категория')) f.category ??= oneLine(cell);
    else if (/^(судья|председательствующ|передано в производство судье|дело находится в производстве судьи)/.test(label))
      f.judge ??= oneLine(cell);
    else if (/^дата (рассмотрения|вынесения|решения)/.test(label)) f.decidedOn ??= isoDate(lineOf(cell));
    else if (label.startsWith('результат рассмотрения')) f.result ??= nullIfEmpty(textOf(cell));
    else if (label.includes('вступления в законную силу')) f.legalForceOn ??= isoDate(lineOf(cell));
  }
  return f;
}

/** The РАССМОТРЕНИЕ В НИЖЕСТОЯЩЕМ СУДЕ tab, or the «… первой инстанции» lines some appeal cards keep in ДЕЛО. */
function readLowerCourt(section: HtmlElement | undefined, caseSection: HtmlElement | undefined): LowerCourt | null {
  const pairs = section
    ? labelledValues(section)
    : caseSection
      ? labelledValues(caseSection).filter(([label]) => label.includes('первой инстанции'))
      : [];
  if (pairs.length === 0) return null;
  const lower: LowerCourt = { court: null, caseNumber: null, judge: null, decidedOn: null };
  for (const [label, cell] of pairs) {
    if (/^суд( |\(|$)/.test(label) || label.startsWith('суд первой')) lower.court ??= oneLine(cell);
    else if (label.startsWith('номер дела')) lower.caseNumber ??= oneLine(cell);
    else if (/^судья/.test(label)) lower.judge ??= oneLine(cell);
    else if (label.startsWith('дата решения') || label.startsWith('дата рассмотрения')) lower.decidedOn ??= isoDate(lineOf(cell));
  }
  return lower;
}

function readEvents(section: HtmlElement | undefined): CaseEvent[] {
  const table = section ? sectionTable(section) : null;
  const read = table && readTable(table, (keys) => keys.some((k) => k.startsWith('наименование события')));
  if (!read) return [];
  const name = column(read.header, /^наименование события/);
  const date = column(read.header, /^дата( события)?$/);
  const time = column(read.header, /^время/);
  const result = column(read.header, /^результат события/);
  return read.rows
    .filter((cells) => cells.length >= read.header.length - 1 && lineOf(cells[name]!) !== '')
    .map((cells) => ({
      name: lineOf(cells[name]!),
      date: date >= 0 && cells[date] ? isoDate(lineOf(cells[date]!)) : null,
      time: time >= 0 && cells[time] ? (/\d{1,2}:\d{2}/.exec(lineOf(cells[time]!))?.[0] ?? null) : null,
      result: result >= 0 && cells[result] ? nullIfEmpty(textOf(cells[result]!)) : null,
    }));
}

function defendant(name: string | null, articles: string, decidedOn: string | null, result: string | null): Defendant {
  return {
    name,
    articles: parseArticles(articles),
    decidedOn,
    result,
    outcome: result === null ? null : classifyOutcome(result),
  };
}

function readPersons(section: HtmlElement | undefined): Defendant[] {
  const table = section ? sectionTable(section) : null;
  const read = table && readTable(table, (keys) => keys.some((k) => k.startsWith('перечень статей')));
  if (!read) return [];
  const name = column(read.header, /^(фамилия|фио|ф\.и\.о)/);
  const articles = column(read.header, /^перечень статей/);
  const decided = column(read.header, /^дата (рассмотрения|решения)/);
  const result = column(read.header, /^результат/);
  return read.rows
    .filter((cells) => cells.length === read.header.length)
    .map((cells) =>
      defendant(
        name >= 0 ? oneLine(cells[name]!) : null,
        lineOf(cells[articles]!),
        decided >= 0 ? isoDate(lineOf(cells[decided]!)) : null,
        result >= 0 ? nullIfEmpty(textOf(cells[result]!)) : null,
      ),
    );
}

const ACCUSED = /осужд|обвиня|подсудим|оправдан|в отношении которого/i;

/** Newer cards (УЧАСТНИКИ) have no ЛИЦА tab: defendants are the parties whose role is the accused's. */
function readAccusedParties(section: HtmlElement | undefined): Defendant[] {
  const table = section ? sectionTable(section) : null;
  const read = table && readTable(table, (keys) => keys.some((k) => /^(вид лица|процессуальный статус)/.test(k)));
  if (!read) return [];
  const kind = column(read.header, /^(вид лица|процессуальный статус)/);
  const name = column(read.header, /^(фамилия|фио|лицо, участвующее)/);
  const articles = column(read.header, /стать/);
  return read.rows
    .filter((cells) => cells.length === read.header.length && ACCUSED.test(lineOf(cells[kind]!)))
    .map((cells) => defendant(name >= 0 ? oneLine(cells[name]!) : null, articles >= 0 ? lineOf(cells[articles]!) : '', null, null));
}

function readActs(index: PageIndex, section: HtmlElement | undefined, pageUrl: string): CaseAct[] {
  const acts: CaseAct[] = [];
  for (const li of index.docTabs) {
    const n = li.attribs['id']!.slice('tab_doc'.length);
    const body = byId(index, `cont_doc${n}`);
    acts.push({ title: lineOf(li), url: null, text: body ? nullIfEmpty(textOf(body)) : null });
  }
  for (const [id, els] of index.ids) {
    const m = /^tab_content_Document(\d+)$/.exec(id);
    if (!m) continue;
    const label = byId(index, `tab_id_Document${m[1]}`);
    acts.push({ title: label ? lineOf(label) : `Судебный акт #${m[1]}`, url: null, text: nullIfEmpty(textOf(els[0]!)) });
  }
  if (section)
    for (const a of findAll(section, new Set(['a']))) {
      const href = a.attribs['href'];
      if (!href?.includes('name_op=doc')) continue;
      const url = resolveLink(href, pageUrl);
      if (url && !acts.some((x) => x.url === url)) acts.push({ title: lineOf(a) || a.attribs['title'] || 'Судебный акт', url, text: null });
    }
  return acts;
}

function readInstance(index: PageIndex, pageUrl: string): Instance | null {
  for (const t of index.titles) {
    const text = lineOf(t).toLowerCase();
    if (/перв\S* инстанц/.test(text)) return 'first';
    if (/апелляц/.test(text)) return 'appeal';
    if (/кассац/.test(text)) return 'cassation';
  }
  const newId = linkParam(pageUrl, 'new') ?? linkParam(pageUrl, '_new');
  const deloId = linkParam(pageUrl, 'delo_id') ?? linkParam(pageUrl, '_deloId');
  if (newId === '2450001' || deloId === '2450001') return 'cassation';
  if (newId === '4' || (deloId === '4' && newId === null)) return 'appeal';
  if (deloId === '1540006' && (newId === null || newId === '0')) return 'first';
  return null;
}

/** parseCard on an already indexed page. */
export function parseIndexedCard(index: PageIndex, pageUrl: string): CaseCard {
  const heading = index.caseNumber ? lineOf(index.caseNumber) : '';
  const caseNumber = heading.replace(/^\s*дело\s*№\s*/iu, '').trim();
  if (!caseNumber) throw new CardLayoutError('No «ДЕЛО №» heading (div.casenumber / div.case-num) on the page');
  const sections = collectSections(index);
  if (!sections.has('case')) throw new CardLayoutError(`Case card ${caseNumber} has no ДЕЛО tab`);
  const fields = readCaseFields(sections.get('case'));
  const persons = readPersons(sections.get('persons'));
  const card: CaseCard = {
    caseNumber,
    uid: fields.uid,
    category: fields.category,
    instance: readInstance(index, pageUrl),
    receivedOn: fields.receivedOn,
    judge: fields.judge,
    decidedOn: fields.decidedOn,
    result: fields.result,
    outcome: fields.result === null ? null : classifyOutcome(fields.result),
    legalForceOn: fields.legalForceOn,
    defendants: persons.length ? persons : readAccusedParties(sections.get('parties')),
    events: readEvents(sections.get('events')),
    acts: readActs(index, sections.get('acts'), pageUrl),
  };
  const lower = readLowerCourt(sections.get('lower'), sections.get('case'));
  if (lower) card.lowerCourt = lower;
  return card;
}

/**
 * A case card: the ДЕЛО / ПРОИЗВОДСТВО fields, the events, the defendants with their articles
 * and results, and the acts. Tabs are found by label (ДЕЛО, ДВИЖЕНИЕ ДЕЛА, ЛИЦА, СТОРОНЫ,
 * СУДЕБНЫЕ АКТЫ; ПРОИЗВОДСТВО, СЛУШАНИЯ, УЧАСТНИКИ) or, on the vnkod form, by `#tab_content_*`.
 */
export function parseCard(html: string, pageUrl: string): CaseCard {
  return parseIndexedCard(indexPage(html), pageUrl);
}
