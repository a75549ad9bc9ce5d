import { EN_MONTHS, moscowDate, RU_MONTH_STEMS } from './date-finder.js';
import { AMOUNT_SOURCE, parseNumber } from './number-words.js';
import type { TextSentence } from './sentence-splitter.js';
import type { FigureUnit, PublishedFigure } from './types.js';

const S = '[\\s\\u00a0]';
const QUALIFIER = `(?:(?:около|почти|более|свыше|порядка|не${S}+менее|примерно|в${S}+среднем|по|at${S}+least|about|around|nearly|almost|more${S}+than|over|some|roughly)${S}+)?`;

/** What a figure counts; the noun must follow the number closely («684 приговора», «2,076 cases»). */
const NOUNS: ReadonlyArray<readonly [PublishedFigure['counts'], string]> = [
  ['sentences', `(?:обвинительн[а-яё]*${S}+|вынесенн[а-яё]*${S}+)?приговор[а-яё]*|verdicts?|sentences|convictions|guilty${S}+verdicts`],
  ['cases', `(?:уголовн[а-яё]*${S}+)?дел(?:о|а)?(?![а-яё])|(?:criminal${S}+)?cases`],
  ['people', 'осужденн[а-яё]*|осуждённ[а-яё]*|обвиняем[а-яё]*|фигурант[а-яё]*|военнослужащ[а-яё]*|человек|soldiers|servicemen|deserters|defendants|people|men'],
];
const NOUN_SOURCE = NOUNS.map(([, n]) => `(?:${n})`).join('|');
const NOUN_KIND = NOUNS.map(([counts, n]) => [counts, new RegExp(`^(?:${n})$`, 'iu')] as const);
const RU_MONTH_PREP = RU_MONTH_STEMS.map((m) => `${m}[а-яё]*`).join('|');
const EN_MONTH_ALT = EN_MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|');

/** Rate phrases, tried right after the number/noun and, failing that, shortly before the number. */
const UNITS: ReadonlyArray<readonly [FigureUnit, RegExp]> = [
  ['per-working-day', /(?:в|за|каждый)\s+рабоч[а-яё]*\s+(?:день|дни)|(?:a|per|each|every)\s+working\s+day|(?:a|per)\s+business\s+day/iu],
  ['per-day', /(?<![\p{L}])(?:в\s+(?:день|сутки)|ежедневно|каждый\s+день|за\s+(?:день|сутки)|(?:a|per|each|every)\s+day|daily)(?![\p{L}])/iu],
  ['per-week', /(?<![\p{L}])(?:в\s+неделю|каждую\s+неделю|еженедельно|за\s+неделю|(?:a|per|each|every)\s+week|weekly)(?![\p{L}])/iu],
  ['per-month', new RegExp(`(?<![\\p{L}])(?:в${S}+месяц|ежемесячно|каждый${S}+месяц|за${S}+месяц|(?:a|per|each|every)${S}+month|monthly|в${S}+(?:${RU_MONTH_PREP})|за${S}+(?:${RU_MONTH_PREP})|in${S}+(?:${EN_MONTH_ALT}))(?![\\p{L}])`, 'iu')],
];

const FIGURE = new RegExp(`${QUALIFIER}(?<num>${AMOUNT_SOURCE})(?:${S}+(?:[а-яёa-z]+${S}+)??(?<noun>${NOUN_SOURCE})(?![\\p{L}]))?`, 'giu');

/** Only sentences about the tracked offences or military courts carry figures worth a claim. */
const CONTEXT = /337|332|338|(?<![\p{L}])СОЧ(?![\p{L}])|самовол|дезертир|военн[\p{L}]*\s+суд|AWOL|desert|military\s+courts?|garrison|приговор|verdict|sentence/iu;

/** Numbers that are something else: a year, an article, an age, a term, money, a percentage. */
const NOT_A_COUNT_AFTER = /^(?:[\s\u00a0]+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}])|-?(?:й|я|го|м|х|ти|ой|th|st|nd|rd)(?![\p{L}])|[\s\u00a0]*(?:год|лет|г\.|года|году|месяц|недел|дн|years?|months?|weeks?|days?|руб|₽|рубл|roubles?|rubles?|%|процент|percent|раз|times|УК|стать|ч\.|ст\.|-?летн|-year|км|km|тыс[\s\S]{0,10}руб))/iu;
const NOT_A_COUNT_BEFORE = /(?<![\p{L}])(?:ст\.?|стать[а-яё]*|ч\.?|част[а-яё]*|Article|Part|п\.|№|No\.|с|since)\s*$/iu;
/** Article numbers inside a rate phrase («по 100 приговоров по 337 УК каждую неделю») are not the next figure. */
const ARTICLE_NUMBER_AFTER = /^(?:-?(?:й|я|ой))?[\s\u00a0]*(?:УК|стать)/u;
const ARTICLE_NUMBER_BEFORE = /(?:ст\.?|стать[а-яё]*|ч\.?|част[а-яё]*|Article|Part|по)[\s\u00a0]*$/iu;

const MONTH_OF = new RegExp(`(?:в|за)${S}+(?<ru>${RU_MONTH_PREP})(?:${S}+(?<ry>\\d{4}))?|in${S}+(?<en>${EN_MONTH_ALT})(?:${S}+(?<ey>\\d{4}))?`, 'iu');

/**
 * Published figures in the sentences: rates («100 приговоров в неделю», «34 в рабочий день»,
 * «684 приговора в марте», «100 sentences a week», «34 per working day») and totals
 * («2 076 уголовных дел», «20,538 cases»), each with the sentence it is quoted from.
 */
export function extractFigures(sentences: readonly TextSentence[], publishedAt?: string | null): PublishedFigure[] {
  const figures: PublishedFigure[] = [];
  const paragraphContext = new Set<number>();
  for (const s of sentences) if (CONTEXT.test(s.text)) paragraphContext.add(s.paragraph);
  for (const s of sentences) {
    if (!paragraphContext.has(s.paragraph)) continue;
    for (const m of s.text.matchAll(FIGURE)) {
      const numText = m.groups!['num']!;
      const numStart = m.index! + m[0].indexOf(numText);
      const afterNum = s.text.slice(numStart + numText.length);
      if (NOT_A_COUNT_AFTER.test(afterNum)) continue;
      if (NOT_A_COUNT_BEFORE.test(s.text.slice(Math.max(0, numStart - 12), numStart))) continue;
      const value = parseNumber(numText);
      if (value === null || value < 2 || !Number.isInteger(value)) continue;
      if (value >= 1900 && value <= 2100 && !m.groups!['noun']) continue; // a year
      const noun = m.groups!['noun'] ?? null;
      const end = m.index! + m[0].length;
      // The unit follows the noun within the clause («по 100 приговоров по 337 УК каждую неделю»)
      // or precedes the number («в марте суды вынесли 684 приговора»).
      const nextNumber = nextCountIndex(s.text.slice(end));
      const after = clause(s.text.slice(end, end + Math.min(70, nextNumber)));
      const before = s.text.slice(Math.max(0, numStart - 45), numStart);
      let unit: FigureUnit | null = null;
      let unitText: string | null = null;
      for (const [u, re] of UNITS) {
        const hit = re.exec(after)?.[0] ?? (noun ? unitBefore(re, before) : null);
        if (hit) {
          unit = u;
          unitText = hit;
          break;
        }
      }
      if (!unit) {
        // A total is an aggregate in digits («2 076 дел»), not «двух военнослужащих».
        if (!noun || value < 10 || !/\d/u.test(numText)) continue;
        unit = 'total';
      }
      if (!noun && unit !== 'total' && !/приговор|дел|verdict|sentence|case|осужд|convict/iu.test(s.text)) continue;
      // «684 приговора — 34 в рабочий день»: a rate without a noun counts what the figure before it counts.
      const previous = figures.length > 0 && figures[figures.length - 1]!.quote === s.text ? figures[figures.length - 1]!.counts : null;
      const counts = noun ? (NOUN_KIND.find(([, re]) => re.test(noun))?.[0] ?? null) : previous;
      let period: string | null = null;
      if (unit === 'per-month' && unitText) period = monthPeriod(unitText, s.text, publishedAt);
      if (figures.some((f) => f.value === value && f.unit === unit && f.quote === s.text)) continue;
      figures.push({ value, unit, counts, period, quote: s.text });
    }
  }
  return figures;
}

function nextCountIndex(text: string): number {
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?/gu)) {
    const at = m.index!;
    if (ARTICLE_NUMBER_AFTER.test(text.slice(at + m[0].length)) || ARTICLE_NUMBER_BEFORE.test(text.slice(0, at))) continue;
    return at;
  }
  return Infinity;
}

/** The text up to the end of the clause (a semicolon, a dash before another figure, a bracket). */
function clause(text: string): string {
  const stop = text.search(/[;:()]|\s[—–]\s/u);
  return stop >= 0 ? text.slice(0, stop) : text;
}

/**
 * A unit phrase shortly before the number («в апреле 2025 года суды вынесли 848 приговоров»):
 * the last one, provided no other count stands between it and the number (years may).
 */
function unitBefore(re: RegExp, before: string): string | null {
  const stop = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('), before.lastIndexOf(')'));
  const text = before.slice(stop + 1);
  let last: RegExpExecArray | null = null;
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(global)) last = m as RegExpExecArray;
  if (!last) return null;
  const between = text.slice(last.index + last[0].length);
  const counts = [...between.matchAll(/\d[\d\s\u00a0]*/gu)].filter((m) => !/^(?:19|20)\d\d$/u.test(m[0].trim()));
  return counts.length === 0 ? last[0] : null;
}

function monthPeriod(unitText: string, sentence: string, publishedAt?: string | null): string | null {
  const m = MONTH_OF.exec(unitText) ?? null;
  if (!m) return null;
  let month = -1;
  if (m.groups!['ru']) month = RU_MONTH_STEMS.findIndex((stem) => new RegExp(`^${stem}`, 'iu').test(m.groups!['ru']!));
  if (m.groups!['en']) month = EN_MONTHS.indexOf(m.groups!['en']!.toLowerCase());
  if (month < 0) return null;
  let year: number | null = null;
  const yearAfter = new RegExp(`${unitText.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[\\s\\u00a0]+(\\d{4})`, 'u').exec(sentence);
  if (m.groups!['ry'] ?? m.groups!['ey']) year = Number(m.groups!['ry'] ?? m.groups!['ey']);
  else if (yearAfter) year = Number(yearAfter[1]);
  else if (publishedAt) {
    const pub = moscowDate(publishedAt);
    if (pub) year = month <= pub.getUTCMonth() ? pub.getUTCFullYear() : pub.getUTCFullYear() - 1;
  }
  return year === null ? null : `${year}-${String(month + 1).padStart(2, '0')}`;
}
