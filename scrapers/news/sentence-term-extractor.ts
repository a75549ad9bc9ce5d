import { AMOUNT_SOURCE, NUMBER_SOURCE, parseNumber } from './number-words.js';
import type { CustodyRegime, SentenceTerm } from './types.js';

/** A punishment found in one sentence of text. */
export interface SentenceTermHit {
  index: number;
  length: number;
  term: SentenceTerm;
}

const N = NUMBER_SOURCE;
const S = '[\\s\\u00a0]';

// «пять лет», «двум с половиной годам», «2,5 года», «году и восьми месяцам», «8 месяцам».
const RU_YEARS = `(?<ry>${N})(?<rh1>${S}+с${S}+половиной)?${S}*(?:-?${S}*х${S}*)?(?:год(?:а|у|ом|ами|ам)?|лет)(?![\\p{L}])(?<rh2>${S}+с${S}+половиной)?`;
const RU_BARE_YEAR = `(?<=(?:^|[\\s(])(?:к|на)${S})(?<rb>год(?:у)?)(?![\\p{L}])`;
const RU_HALF = `(?<rp>полтора|полутора)${S}+(?:год(?:а|у|ам|ами)?|лет)(?![\\p{L}])`;
const RU_MONTHS = (g: string): string => `(?<${g}>${N})${S}*месяц(?:а|ев|ам|ами|у|ем)?(?![\\p{L}])`;
const RU_TERM = `(?:(?:${RU_YEARS}|${RU_HALF}|${RU_BARE_YEAR})(?:${S}*(?:и|,)?${S}*${RU_MONTHS('rm1')})?|${RU_MONTHS('rm2')})`;

// «five years», «2 years and 6 months», «two and a half years», «a year and a half», «18 months».
const EN_YEARS = `(?<ey>${N}|(?<![A-Za-z])an?)(?<eh1>${S}+and${S}+a${S}+half)?[\\s\\u00a0-]+years?(?![A-Za-z])(?<eh2>${S}+and${S}+a${S}+half)?`;
const EN_MONTHS = (g: string): string => `(?<${g}>${N})[\\s\\u00a0-]+months?(?![A-Za-z])`;
const EN_TERM = `(?:${EN_YEARS}(?:,?${S}*(?:and${S}+)?${EN_MONTHS('em1')})?|${EN_MONTHS('em2')})`;

const TERM = new RegExp(`${RU_TERM}|${EN_TERM}`, 'giu');

const FINES = [
  new RegExp(`штраф[а-яё]*(?:${S}+в${S}+размере|${S}+в${S}+сумме|${S}+в)?${S}*(?<a>${AMOUNT_SOURCE})${S}*(?:руб[а-яё]*\\.?|₽|р\\.)`, 'giu'),
  new RegExp(`оштрафова[а-яё]*(?:${S}+[\\p{L}.]+){0,4}?${S}+на${S}+(?<a>${AMOUNT_SOURCE})${S}*(?:руб[а-яё]*\\.?|₽)`, 'giu'),
  new RegExp(`fined?(?:${S}+[\\w.]+){0,4}?${S}+(?:of${S}+)?(?<a>${AMOUNT_SOURCE})${S}*(?:rubles|roubles|RUB)`, 'giu'),
  new RegExp(`(?<a>${AMOUNT_SOURCE})[\\s\\u00a0-]*(?:rubles?|roubles?)${S}+fine`, 'giu'),
];

const CUE = /приговор[\p{L}]*|осуди[\p{L}]*|осужд[\p{L}]*|получил[\p{L}]*|назначил[\p{L}]*|назначен[\p{L}]*|наказани[\p{L}]*|отправил[\p{L}]*|дали|дал(?![\p{L}])|sentenc\w*|jailed|imprison\w*|received|given|gave|handed|got|gets|(?:prison|jail)\s+term|term\s+of/giu;
const EXCLUDE = /испытательн[\p{L}]*|запрос[\p{L}]*|запраш[\p{L}]*|просил[\p{L}]*|требовал[\p{L}]*|грози[\p{L}]*|грозит|предусматрива[\p{L}]*|максимальн[\p{L}]*|отсутствовал[\p{L}]*|находил[\p{L}]*|провел[\p{L}]*|провёл[\p{L}]*|в течение|на протяжении|спустя|через|probation(?:ary)?\s+period|request\w*|sought|asked\s+for|demand\w*|faces?|facing|maximum|up\s+to|spent|absent|after|ago|for\s+(?:almost|nearly|about|over|more\s+than)/giu;
const NOUN_AFTER = /^[\s,(—–-]*(?:[\p{L}]+[\s,]+){0,3}?(?:лишени[\p{L}]*\s+свобод|колони|заключени|тюрьм|дисциплинарн|дисбат|условн|принудительн[\p{L}]*\s+работ|ограничени[\p{L}]*\s+(?:по\s+)?(?:военной\s+)?служб|реальн|prison|jail|penal|colony|suspended|disciplinary|behind\s+bars|imprisonment|custody|in\s+a\s+(?:general|strict|maximum))/iu;
const NOT_TERM_AFTER = /^(?:-?летн|[\s-]*(?:назад|ago|old|службы|of\s+service|подряд|спустя))/iu;
const NOT_TERM_BEFORE = /(?:(?<![\p{L}])(?:до|от|свыше|более|около)|up\s+to|from|over|more\s+than|about)\s*$/iu;
const SUSPENDED = /(?<![\p{L}])условн(?!о-досрочн)[\p{L}]*|испытательн[\p{L}]*\s+срок|suspended|on\s+probation|probation(?:ary)?\s+period/iu;

const REGIMES: ReadonlyArray<readonly [CustodyRegime, RegExp]> = [
  ['colony-settlement', /колони[\p{L}]*[\s-]+поселени|в\s+колонии-поселении|penal\s+settlement|settlement\s+colony|colony[\s-]+settlement/iu],
  ['colony-general', /общего\s+режима|general[\s-]+regime|general[\s-]+security/iu],
  ['colony-strict', /строгого\s+режима|strict[\s-]+regime|maximum[\s-]+security|high[\s-]+security/iu],
  ['colony-special', /особого\s+режима|special[\s-]+regime/iu],
  ['disciplinary-unit', /дисциплинарн[\p{L}]*\s+(?:воинск[\p{L}]*\s+)?част|дисбат|disciplinary\s+(?:battalion|unit|military\s+unit)/iu],
  ['prison', /(?<![\p{L}])в\s+тюрьм|отбыванием\s+(?:первых\s+)?[\p{L}\s]*в\s+тюрьме|in\s+(?:a\s+)?prison(?!\s+colony)/iu],
];

interface RawTerm {
  index: number;
  end: number;
  months: number;
}

/**
 * Punishments in one sentence: the term in years and months, suspended or not, where it is
 * served, and a fine. Durations that are not sentences are skipped: a probation period, the
 * prosecutor's request, the maximum the article allows, how long the soldier was absent, an age.
 */
export function findSentenceTerms(sentence: string): SentenceTermHit[] {
  const raw: RawTerm[] = [];
  for (const m of sentence.matchAll(TERM)) {
    const months = termMonths(m.groups!);
    if (months === null || months <= 0 || months > 12 * 30) continue;
    raw.push({ index: m.index!, end: m.index! + m[0].length, months });
  }
  const terms: RawTerm[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const prevEnd = i > 0 ? raw[i - 1]!.end : 0;
    if (isPunishment(sentence, t, prevEnd)) terms.push(t);
  }

  const hits: SentenceTermHit[] = terms.map((t, i) => {
    const prevEnd = i > 0 ? terms[i - 1]!.end : 0;
    const nextStart = i + 1 < terms.length ? terms[i + 1]!.index : sentence.length;
    const before = sentence.slice(Math.max(prevEnd, t.index - 45), t.index);
    const after = sentence.slice(t.end, Math.min(nextStart, t.end + 90));
    const suspended = SUSPENDED.test(after.slice(0, 70)) || /(?<![\p{L}])условн[\p{L}]*\s*(?:срок[\p{L}]*)?[\s\p{L}]*$/iu.test(before) || /suspended\s+(?:sentence|term)?[\s\w]*$/iu.test(before);
    let regime = REGIMES.find(([, re]) => re.test(after))?.[0] ?? null;
    if (suspended && regime?.startsWith('colony')) regime = null; // «условно» wins over a stray colony word
    return {
      index: t.index,
      length: t.end - t.index,
      term: { years: Math.floor(t.months / 12), months: t.months % 12, suspended, fineRub: null, regime },
    };
  });

  for (const fine of findFines(sentence)) {
    // A fine joins the nearest term before it («к 3 годам колонии и штрафу 100 тысяч рублей»),
    // else stands alone («оштрафовал на 100 тысяч рублей»).
    const owner = [...hits].reverse().find((h) => h.index < fine.index && fine.index - (h.index + h.length) < 120 && h.term.fineRub === null);
    if (owner) owner.term.fineRub = fine.value;
    else if (!hits.some((h) => h.term.fineRub === fine.value)) {
      hits.push({ index: fine.index, length: fine.length, term: { years: 0, months: 0, suspended: false, fineRub: fine.value, regime: null } });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

function termMonths(g: Record<string, string | undefined>): number | null {
  let years = 0;
  if (g['ry'] !== undefined) {
    const v = parseNumber(g['ry']);
    if (v === null) return null;
    years = v + (g['rh1'] || g['rh2'] ? 0.5 : 0);
  } else if (g['rp'] !== undefined) years = 1.5;
  else if (g['rb'] !== undefined) years = 1;
  else if (g['ey'] !== undefined) {
    const v = /^an?$/iu.test(g['ey']) ? 1 : parseNumber(g['ey']);
    if (v === null) return null;
    years = v + (g['eh1'] || g['eh2'] ? 0.5 : 0);
  }
  const monthText = g['rm1'] ?? g['rm2'] ?? g['em1'] ?? g['em2'];
  let months = 0;
  if (monthText !== undefined) {
    const v = parseNumber(monthText);
    if (v === null) return null;
    months = v;
  }
  return Math.round(years * 12 + months);
}

function isPunishment(sentence: string, t: RawTerm, prevEnd: number): boolean {
  const after = sentence.slice(t.end);
  if (NOT_TERM_AFTER.test(after)) return false;
  const before = sentence.slice(Math.max(0, prevEnd, t.index - 90), t.index);
  if (NOT_TERM_BEFORE.test(before)) return false;
  const cue = lastIndex(CUE, before);
  const excl = lastIndex(EXCLUDE, before);
  if (cue >= 0 && cue > excl) return true;
  if (excl >= 0) return false;
  return NOUN_AFTER.test(after.slice(0, 80));
}

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(re)) last = m.index!;
  return last;
}

function findFines(sentence: string): { index: number; length: number; value: number }[] {
  const out: { index: number; length: number; value: number }[] = [];
  for (const re of FINES) {
    for (const m of sentence.matchAll(re)) {
      const value = parseNumber(m.groups!['a']!);
      if (value === null || value <= 0) continue;
      if (out.some((f) => m.index! < f.index + f.length && f.index < m.index! + m[0].length)) continue;
      out.push({ index: m.index!, length: m[0].length, value: Math.round(value) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
