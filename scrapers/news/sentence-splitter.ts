/** One sentence of a text, with the paragraph it belongs to. */
export interface TextSentence {
  text: string;
  paragraph: number;
  /** Position in the whole list of sentences. */
  index: number;
}

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'ст', 'ч', 'п', 'пп', 'г', 'гг', 'тыс', 'млн', 'млрд', 'руб', 'коп', 'т', 'е', 'к', 'им', 'ул', 'д', 'см', 'р', 'н', 'э',
  'обл', 'респ', 'пос', 'дер', 'с', 'св', 'ср', 'прим', 'напр', 'др', 'пр', 'т.е', 'т.к', 'т.д', 'т.п', 'ок', 'мин',
  'art', 'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'approx', 'e.g', 'i.e', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'lt', 'col', 'sgt', 'pvt', 'capt', 'maj', 'corp',
]);

/** Paragraphs: blank-line separated blocks, or lines when the text has no blank lines. */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/gu, '\n');
  const blocks = /\n[ \t\u00a0]*\n/u.test(normalized) ? normalized.split(/\n[ \t\u00a0]*\n+/u) : normalized.split('\n');
  return blocks.map((b) => b.replace(/[\s\u00a0]+/gu, ' ').trim()).filter((b) => b.length > 0);
}

/**
 * Splits text into sentences, paragraph by paragraph. A sentence ends at . ! ? … (and closing
 * quotes) before a capital letter, a digit or an opening quote, unless the period follows an
 * abbreviation («ст.», «ч.», «г.», «Art.») or an initial («И. Петров»).
 */
export function splitSentences(text: string): TextSentence[] {
  const out: TextSentence[] = [];
  splitParagraphs(text).forEach((para, paragraph) => {
    let start = 0;
    const boundary = /[.!?…]+[»"”’)]*(?=\s+[«"„“(—–-]?\s*[A-ZА-ЯЁ0-9])/gu;
    for (const m of para.matchAll(boundary)) {
      const end = m.index! + m[0].length;
      if (m[0].startsWith('.') && !m[0].startsWith('..')) {
        const word = /([\p{L}.]+)$/u.exec(para.slice(Math.max(start, m.index! - 30), m.index!))?.[1] ?? '';
        if (ABBREVIATIONS.has(word.toLowerCase())) continue;
        if (/^\p{Lu}$/u.test(word)) continue; // an initial
      }
      const s = para.slice(start, end).trim();
      if (s) out.push({ text: s, paragraph, index: out.length });
      start = end;
    }
    const rest = para.slice(start).trim();
    if (rest) out.push({ text: rest, paragraph, index: out.length });
  });
  return out.flatMap((s) => chunk(s.text).map((text) => ({ ...s, text }))).map((s, index) => ({ ...s, index }));
}

/** Prose sentences are short; a run-on «sentence» (a list, a table flattened to text) is cut so no pattern sees more than MAX_SENTENCE characters. */
const MAX_SENTENCE = 1200;

function chunk(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > MAX_SENTENCE) {
    const window = rest.slice(0, MAX_SENTENCE);
    const cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '), window.lastIndexOf(' '));
    const at = cut > MAX_SENTENCE / 2 ? cut + 1 : MAX_SENTENCE;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}
