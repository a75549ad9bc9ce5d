// Just enough Russian morphology to match court names through their case forms: the
// adjective endings of the singular (and a few plural/feminine ones that stems must lose).

export type GrammaticalCase = 'nom' | 'gen' | 'dat' | 'ins' | 'prep';

const ENDINGS: ReadonlyArray<readonly [string, GrammaticalCase | null]> = [
  ['ыми', null],
  ['ими', null],
  ['ого', 'gen'],
  ['его', 'gen'],
  ['ому', 'dat'],
  ['ему', 'dat'],
  ['ая', null],
  ['яя', null],
  ['ую', null],
  ['юю', null],
  ['ое', null],
  ['ее', null],
  ['ые', null],
  ['ие', null],
  ['ых', null],
  ['их', null],
  ['ый', 'nom'],
  ['ий', 'nom'],
  ['ой', 'nom'],
  ['ым', 'ins'],
  ['им', 'ins'],
  ['ом', 'prep'],
  ['ем', 'prep'],
  ['ей', null],
];

const ORDINAL_WORDS: Record<string, string> = { перв: '1', втор: '2', трет: '3' };

/** Lower case, `ё` → `е`, typographic hyphens → `-`. */
export function foldRussian(word: string): string {
  return word.toLowerCase().replace(/ё/gu, 'е').replace(/[\u2010\u2011\u2012\u2013\u2212]/gu, '-');
}

function ending(segment: string): readonly [string, GrammaticalCase | null] | undefined {
  return ENDINGS.find(([e]) => segment.endsWith(e) && segment.length - e.length >= 2);
}

/** The stem of one adjective (`Курским` → `курск`, `Дальний` → `дальн`); other words are only folded. */
export function stemAdjective(word: string): string {
  const w = foldRussian(word);
  const e = ending(w);
  return e ? w.slice(0, -e[0].length) : w;
}

/**
 * The grammatical case of an adjective, from the inflected segment of a compound: the last one
 * that has an adjective ending (`Спасск-Дальним` → ins, `Ростовским-на-Дону` → ins).
 */
export function adjectiveCase(word: string): GrammaticalCase | null {
  const segments = foldRussian(word).split('-');
  for (let i = segments.length - 1; i >= 0; i--) {
    const e = ending(segments[i]!);
    if (e) return e[1];
  }
  return null;
}

/**
 * The case-free key of a court qualifier: ordinal digits, then the stems of each hyphen segment
 * run together (`2-й Западный` → `2западн`, `Ростовского-на-Дону` → `ростовскнадону`,
 * `Второго Западного` → `2западн`, `35-м` → `35`).
 */
export function qualifierKey(ordinal: string | null, words: string | null): string {
  let key = '';
  if (ordinal) {
    const digits = /\d+/u.exec(ordinal)?.[0];
    if (digits) key += digits;
    else {
      const stem = stemAdjective(ordinal);
      key += ORDINAL_WORDS[stem] ?? stem;
    }
  }
  if (words) {
    key += words
      .split(/\s+/u)
      .flatMap((w) => foldRussian(w).split('-'))
      .map(stemAdjective)
      .join('');
  }
  return key;
}
