// A court's Russian name in the grammatical cases the press uses: «Курский гарнизонный военный суд»,
// «Курского …», «Курскому …», «Курским гарнизонным военным судом», «в Курском гарнизонном военном суде».

export type CaseForm = 'nom' | 'gen' | 'dat' | 'ins' | 'prep';

const SUD: Record<CaseForm, string> = { nom: 'суд', gen: 'суда', dat: 'суду', ins: 'судом', prep: 'суде' };

/** One adjective (or a hyphen segment of one) in a case: hard, soft and velar stems. */
function adjective(word: string, form: CaseForm): string {
  if (form === 'nom') return word;
  const m = /^(.*?)(ый|ий|ой)$/u.exec(word);
  if (!m || m[1]!.length < 2) return word;
  const stem = m[1]!;
  const velar = /[кгхжшчщ]$/u.test(stem);
  const soft = m[2] === 'ий' && !velar;
  const endings: Record<Exclude<CaseForm, 'nom'>, string> = soft
    ? { gen: 'его', dat: 'ему', ins: 'им', prep: 'ем' }
    : { gen: 'ого', dat: 'ому', ins: velar ? 'им' : 'ым', prep: 'ом' };
  return stem + endings[form];
}

/** The qualifier's adjective segment («Ростовский-на-Дону», «Спасск-Дальний») takes the case; the rest stays. */
function qualifier(word: string, form: CaseForm): string {
  const segments = word.split('-');
  let last = -1;
  segments.forEach((s, i) => {
    if (/(?:ый|ий|ой)$/u.test(s)) last = i;
  });
  return segments.map((s, i) => (i === last ? adjective(s, form) : s)).join('-');
}

/** True for names this module can inflect: «<Adjective> гарнизонный военный суд». */
export function canInflect(name: string): boolean {
  return /^[А-ЯЁ][А-ЯЁа-яё-]*(?:ый|ий|ой)(?:-[а-яё]+-[А-ЯЁ][а-яё]+)? гарнизонный военный суд$/u.test(name);
}

export function courtForm(name: string, form: CaseForm): string {
  const words = name.split(' ');
  const noun = words.pop()!;
  if (noun !== 'суд') throw new RangeError(`not a court name: ${name}`);
  const [first, ...rest] = words;
  return [qualifier(first!, form), ...rest.map((w) => adjective(w, form)), SUD[form]].join(' ');
}
