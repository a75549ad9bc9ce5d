import type { Outcome } from './types.js';

// Order matters: «оправдательный ПРИГОВОР» is an acquittal, not a conviction.
const RULES: [Outcome, RegExp][] = [
  ['acquittal', /оправдат/i],
  ['conviction', /(?:вынесен|постановлен)\S*\s+(?:обвинительный\s+)?приговор|обвинительный\s+приговор/i],
  ['terminated', /прекращ/i],
  ['returned', /возвращ\S*\s+(?:\S+\s+){0,2}прокурор/i],
  ['merged', /соедин[её]н/i],
  ['transferred', /по\s+подсудност|по\s+подведомствен|(?:направлен|передан)\S*\s+(?:\S+\s+){0,2}(?:в\s+(?:друг|ин)\S*\s+суд|суд\S*\s+по)/i],
];

/**
 * The outcome a result text reads as: «Вынесен ПРИГОВОР» → conviction, «…оправдательный…» →
 * acquittal, «Уголовное дело ПРЕКРАЩЕНО» → terminated, «Дело возвращено прокурору» → returned,
 * «Направлено по подсудности» / «Передано в другой суд» → transferred, «Соединено с другим делом»
 * → merged; anything else (including appeal rulings) → other.
 */
export function classifyOutcome(resultText: string | null | undefined): Outcome {
  if (!resultText) return 'other';
  for (const [outcome, re] of RULES) if (re.test(resultText)) return outcome;
  return 'other';
}
