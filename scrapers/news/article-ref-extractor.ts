import type { ArticleCharge } from './types.js';

/** Criminal Code articles found in a text span. */
export interface ArticleRefHit {
  index: number;
  length: number;
  refs: ArticleCharge[];
}

const S = '[\\s\\u00a0]';
const NUM = '\\d+(?:\\.\\d+)?';
const ART_NUM = '\\d{3}(?:\\.\\d)?';
const LIST = (n: string, partWords = false): string =>
  `${n}(?:${S}*(?:,|и|или|and|or)${S}*${partWords ? `(?:(?:ч\\.?|част[а-яё]*|[Pp]arts?)${S}*)?` : ''}${n}){0,5}`;
const PART_WORD = '(?:ч\\.|ч(?=[\\s\\u00a0]*\\d)|част[а-яё]*)';
const POINT = `(?:(?:п\\.|пункт[а-яё]*)${S}*[«"„]?[а-я][»"“]?${S}*)?`;
const ART_WORD = '(?:ст\\.|ст(?=[\\s\\u00a0]*\\d)|стать[а-яё]*)';
const L = '(?<![\\p{L}\\p{N}])';

const PATTERNS: ReadonlyArray<{ re: RegExp; kind: 'part-art' | 'art-part' | 'art' | 'num-uk' | 'en-part-art' | 'en-art-part' }> = [
  // «п. «а» ч. 2 ст. 332», «ч. 5 ст. 337 УК», «частями 3.1 и 5 статьи 337»
  { kind: 'part-art', re: new RegExp(`${L}${POINT}${PART_WORD}${S}*(?<parts>${LIST(NUM, true)})${S}*${ART_WORD}${S}*(?<arts>${ART_NUM})`, 'giu') },
  // «ст. 337 ч. 5», «статьи 337 УК РФ (часть 5)»
  { kind: 'art-part', re: new RegExp(`${L}${ART_WORD}${S}*(?<arts>${ART_NUM})${S}*(?:УК(?:${S}*РФ)?)?${S}*[,(]?${S}*${PART_WORD}${S}*(?<parts>${LIST(NUM)})`, 'giu') },
  // «ст. 337», «статьям 337 и 338 УК»
  { kind: 'art', re: new RegExp(`${L}${ART_WORD}${S}*(?<arts>${LIST(ART_NUM)})`, 'giu') },
  // «по 337 УК», «337-й статьи»
  { kind: 'num-uk', re: new RegExp(`${L}(?<arts>${ART_NUM})(?:-?(?:й|я|ой|ю))?${S}+(?:УК|стать[а-яё]*)`, 'gu') },
  // «Part 5 of Article 337»
  { kind: 'en-part-art', re: new RegExp(`(?<![A-Za-z])[Pp]arts?${S}+(?<parts>${LIST(NUM)})${S}+of${S}+(?:the${S}+)?[Aa]rt(?:icle|\\.)${S}*(?<arts>${ART_NUM})`, 'gu') },
  // «Article 337, Part 5», «Article 337(5)», «Articles 337 and 338»
  {
    kind: 'en-art-part',
    re: new RegExp(`(?<![A-Za-z])[Aa]rt(?:icles?|s?\\.)${S}*(?<arts>${LIST(ART_NUM)})(?:${S}*\\((?<pp>${NUM})\\)|,?${S}*[Pp]art${S}+(?<parts>${NUM}))?`, 'gu'),
  },
];

/** Another code or law follows: «ст. 20.3.3 КоАП», «ст. 316 УПК», «статьи 29 Конституции». */
const OTHER_CODE = /^[\s\u00a0]*(?:[(,]?[\s\u00a0]*(?:ч\.?|част[а-яё]*)[\s\u00a0]*[\d.]+[\s\u00a0]*)?(?:КоАП|УПК|ГПК|ГК|ТК|АПК|НК|Кодекс[а-яё]*\s+об\s+административн|Конституци|Федеральн|закон|of\s+the\s+(?:Code\s+of\s+Administrative|Administrative|Criminal\s+Procedure|Constitution))/iu;

/** Criminal Code articles are numbered 104–361. */
function isCriminalArticle(article: string): boolean {
  const n = Number(article.split('.')[0]);
  return n >= 104 && n <= 361;
}

function numbers(list: string | undefined): string[] {
  return list ? [...list.matchAll(/\d+(?:\.\d+)?/gu)].map((m) => m[0]) : [];
}

/**
 * Criminal Code articles and parts named in the text, in order: «ч. 5 ст. 337 УК РФ»,
 * «части 3.1 статьи 337», «ст. 337 ч. 5», «статьям 337 и 338», «337-й статьи»,
 * «Part 5 of Article 337», «Article 337(5)». References to other codes are skipped.
 */
export function findArticleRefs(text: string): ArticleRefHit[] {
  const taken: Array<[number, number]> = [];
  const hits: ArticleRefHit[] = [];
  for (const { re, kind } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      if (OTHER_CODE.test(text.slice(end, end + 60))) {
        taken.push([start, end]);
        continue;
      }
      const arts = numbers(m.groups!['arts']).filter(isCriminalArticle);
      if (arts.length === 0) continue;
      const parts = numbers(m.groups!['parts'] ?? m.groups!['pp']);
      const refs: ArticleCharge[] = [];
      if (kind === 'art' || kind === 'num-uk' || parts.length === 0) {
        for (const a of arts) refs.push({ article: a, part: null });
      } else {
        // Several parts name one article («частями 3.1 и 5 статьи 337»).
        for (const p of parts) refs.push({ article: arts[0]!, part: p });
        for (const a of arts.slice(1)) refs.push({ article: a, part: null });
      }
      taken.push([start, end]);
      hits.push({ index: start, length: end - start, refs });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

const OFFENCES: ReadonlyArray<readonly [string, RegExp]> = [
  ['337', /самовольн[\p{L}]*\s+(?:оставлени[\p{L}]*|остав[\p{L}]*|покину[\p{L}]*)\s+(?:(?:воинск[\p{L}]*|своей|места)\s+)?(?:част|служб)|самоволк|AWOL|absent\s+without\s+leave|unauthori[sz]ed\s+(?:abandonment|absence|leave)|(?:leav\w*|abandon\w*|absent\s+from)\s+(?:his|her|their|the)\s+(?:military\s+)?unit/iu],
  ['337', /(?<![\p{L}])СОЧ(?![\p{L}])/u],
  ['338', /дезертирств|(?<![A-Za-z])(?:for|of)\s+desertion/iu],
  ['332', /неисполнени[\p{L}]*\s+приказ|отказ[\p{L}]*\s+от\s+исполнения\s+приказ|(?:refus\w+|fail\w*)\s+to\s+(?:obey|carry\s+out|follow)\s+(?:an?\s+|the\s+)?orders?/iu],
  ['339', /уклонени[\p{L}]*\s+от\s+(?:исполнения\s+обязанностей\s+)?военн[\p{L}]*\s+службы\s+путем\s+симуляции|симуляци[\p{L}]*\s+болезни/iu],
];

/** Articles implied by the offence's name when no number is given («за самовольное оставление части» → 337). */
export function inferArticles(text: string): ArticleCharge[] {
  const articles = new Set(OFFENCES.filter(([, re]) => re.test(text)).map(([article]) => article));
  return [...articles].map((article) => ({ article, part: null }));
}
