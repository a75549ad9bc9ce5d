import type { Relevance, RelevanceInput } from './types.js';

interface Term {
  label: string;
  weight: number;
  pattern: RegExp;
}

// Word edges: JS \b knows only ASCII letters, so Cyrillic words are bounded by look-arounds.
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const W = '\\p{L}*'; // any inflection
const SUD = 'суд(?:а|у|ом|е|ы|ов|ам|ами|ах)?'; // суд, not судно
const SP = '[\\s\\u00a0]+';

function ru(label: string, weight: number, source: string, flags = 'iu'): Term {
  return { label, weight, pattern: new RegExp(`${L}(?:${source})${R}`, flags) };
}

/**
 * What makes a news item worth fetching. Weight 3: the tracked offences themselves; 2: a
 * military court; 1: context that only counts together with something else. An item is
 * relevant at a score of 2 or more (one offence term, or a military court).
 */
export const relevanceTerms: readonly Term[] = [
  // Art. 337 (AWOL)
  ru('ст. 337', 3, `(?:ст\\.?|стать${W}|ч\\.?|част${W})${SP}?(?:\\d+(?:\\.\\d+)?${SP}?(?:ст\\.?|стать${W})${SP}?)?337(?:\\.1)?|337(?:-?(?:й|я|ой))?${SP}(?:УК|стать${W})`),
  ru('самовольное оставление части', 3, `самовольн${W}${SP}(?:оставлени${W}|остав${W}|покину${W})${SP}(?:(?:воинск${W}|своей|места)${SP})?(?:част${W}|служб${W})|самоволк${W}|самовольщик${W}`),
  ru('СОЧ', 3, 'СОЧ', 'u'),
  ru('дезертирство', 3, `дезертир${W}`),
  ru('уклонение от военной службы', 3, `уклонени${W}${SP}от${SP}(?:исполнения${SP}обязанностей${SP})?военн${W}${SP}служб${W}|уклон${W}${SP}от${SP}мобилизаци${W}`),
  ru('отказ от исполнения приказа', 3, `(?:отказ${W}|неисполнени${W})${SP}(?:от${SP}исполнения${SP})?приказ${W}|отказ${W}${SP}(?:участвовать|идти|вернуться)${SP}(?:в${SP})?(?:бо[йю]|зону${SP}СВО|част${W})`),
  ...(['332', '338', '339'] as const).map((a) =>
    ru(`ст. ${a}`, 3, `(?:ст\\.?|стать${W}|ч\\.?|част${W})${SP}?(?:\\d+(?:\\.\\d+)?${SP}?(?:ст\\.?|стать${W})${SP}?)?${a}|${a}(?:-?(?:й|я|ой))?${SP}(?:УК|стать${W})`),
  ),
  ru('AWOL', 3, 'AWOL|went absent without leave|absent without (?:official )?leave'),
  ru('desertion', 3, 'desertion|deserters?'),
  ru('deserted', 1, 'deserted|deserting'),
  ...(['337', '332', '338', '339'] as const).map((a) =>
    ru(`Article ${a}`, 3, `(?:Article|Art\\.)\\s*${a}|${a}(?:st|nd|rd|th)? article|Part \\d+(?:\\.\\d+)? of Article ${a}`),
  ),
  ru('refusal to obey orders', 3, '(?:refus(?:al|ed|ing)|failure|failing) to (?:obey|follow|carry out) (?:an |the )?orders?|refus(?:al|ed|ing) to (?:fight|return to (?:the |their |his )?(?:unit|front))'),
  // military courts
  ru('гарнизонный военный суд', 2, `гарнизонн${W}${SP}военн${W}${SP}${SUD}|ГВС`),
  ru('военный суд', 2, `военн${W}${SP}${SUD}`),
  ru('military court', 2, '(?:garrison|district|fleet)?\\s*military courts?|garrison courts?|military tribunals?'),
  // context
  ru('военнослужащий', 1, `мобилизованн${W}|контрактник${W}|военнослужащ${W}|рядов${W}|сержант${W}`),
  ru('soldier', 1, 'soldiers?|servicem[ae]n|mobili[sz]ed|conscripts?|contract soldiers?'),
  ru('приговор', 1, `приговор${W}|осуди${W}|осужд${W}`),
  ru('sentenced', 1, 'sentenced|convicted|verdicts?'),
];

const THRESHOLD = 2;

/** Scores a feed item (or any title + text) for the tracked offences and military courts. */
export function scoreRelevance(input: RelevanceInput): Relevance {
  const text = [input.title, input.summary ?? '', input.content ?? '', ...(input.categories ?? [])].join('\n');
  const hits = relevanceTerms.filter((t) => t.pattern.test(text));
  // 'военный суд' is implied by 'гарнизонный военный суд'; count the court once.
  const labels = new Set(hits.map((h) => h.label));
  const counted = hits.filter((h) => !(h.label === 'военный суд' && labels.has('гарнизонный военный суд')));
  const score = counted.reduce((sum, t) => sum + t.weight, 0);
  const strong = counted.some((t) => t.weight >= 2);
  return {
    relevant: strong && score >= THRESHOLD,
    score,
    terms: [...counted].sort((a, b) => b.weight - a.weight).map((t) => t.label),
  };
}

/** True when the item is about the tracked offences or a military court (see `scoreRelevance`). */
export function isRelevant(input: RelevanceInput): boolean {
  return scoreRelevance(input).relevant;
}
