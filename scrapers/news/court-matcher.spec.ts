import { describe, expect, it } from '@jest/globals';
import { militaryCourts } from '../sudrf/court-registry.js';
import { CourtMatcher } from './court-matcher.js';

const matcher = new CourtMatcher();
const code = (text: string): string | null => matcher.match(text)?.code ?? null;

type Case = 'gen' | 'dat' | 'ins' | 'prep';
const ADJ: Record<Case, Record<string, string>> = {
  gen: { ий: 'ого', ый: 'ого', ой: 'ого' },
  dat: { ий: 'ому', ый: 'ому', ой: 'ому' },
  ins: { ий: 'им', ый: 'ым', ой: 'ым' },
  prep: { ий: 'ом', ый: 'ом', ой: 'ом' },
};
const SUD: Record<Case, string> = { gen: 'суда', dat: 'суду', ins: 'судом', prep: 'суде' };
const ORD: Record<Case, string> = { gen: 'го', dat: 'му', ins: 'м', prep: 'м' };

/** Declines a registry name («Курский гарнизонный военный суд») into another case. */
function decline(name: string, c: Case): string {
  const adj = (w: string): string => {
    if (/^\d+-й$/u.test(w)) return w.replace(/й$/u, ORD[c]);
    // A compound inflects its adjective part: «Ростовский-на-Дону», «Спасск-Дальний».
    return w.replace(/(ск|ц|н|[а-яё])(ий|ый|ой)(?=$|-)/u, (_m, stem: string, end: string) => {
      const out = ADJ[c][end]!;
      // «-ний» (soft): Дальний → Дальнего / Дальнему / Дальним / Дальнем
      if (stem === 'н' && end === 'ий') return stem + out.replace(/^о/u, 'е').replace(/^ым$/u, 'им');
      if (stem.endsWith('к') && out === 'ым') return `${stem}им`; // Тверской → Тверским
      return stem + out;
    });
  };
  const words = name.replace(/\s*\(.*\)$/u, '').split(' ');
  return words.map((w) => (w === 'суд' ? SUD[c] : /^\d+$/u.test(w) ? w : adj(w))).join(' ');
}

describe('CourtMatcher', () => {
  it('finds every registry court by its own name', () => {
    for (const court of militaryCourts) expect([court.name, code(court.name)]).toEqual([court.name, court.code]);
  });

  it.each(['gen', 'dat', 'ins', 'prep'] as const)('finds every registry court in the %s case', (c) => {
    for (const court of militaryCourts) {
      const declined = decline(court.name, c);
      expect([declined, code(declined)]).toEqual([declined, court.code]);
    }
  });

  it.each([
    ['Курским гарнизонным военным судом', '77GV0020'],
    ['в Курском гарнизонном военном суде', '77GV0020'],
    ['2-й Западный окружной военный суд', '77OV0000'],
    ['Второго Западного окружного военного суда', '77OV0000'],
    ['1-м Восточным окружным военным судом', '27OV0000'],
    ['Южного окружного военного суда', '61OV0000'],
    ['Тихоокеанским флотским военным судом', '25OV0000'],
    ['Балтийского флотского военного суда', '39OV0000'],
    ['Балтийского гарнизонного военного суда', '39GV0004'],
    ['35-го гарнизонного военного суда', '25GV0004'],
    ['224-м гарнизонным военным судом', '39GV0005'],
    ['Ростовского гарнизонного военного суда', '61GV0001'],
    ['Новгородский гарнизонный военный суд', '78GV0006'],
    ['Нижне-Тагильский гарнизонный военный суд', '66GV0003'],
    ['Курского ГВС', '77GV0020'],
    ['военным судом Курского гарнизона', '77GV0020'],
    ['Апелляционным военным судом', '50AV0000'],
    ['в Кассационном военном суде', '54KV0000'],
    ['Московским окружным военным судом', '77OV0000'],
    ['the Kursk Garrison Military Court', '77GV0020'],
    ['the Rostov-on-Don Garrison Military Court', '61GV0001'],
    ['St. Petersburg Garrison Military Court', '78GV0001'],
    ['the Perm garrison military court', '63GV0006'],
    ['the Kaluga Garrison Military Court', '77GV0014'],
    ['the Tver Garrison Military Court', '77GV0011'],
    ['the Yaroslavl Garrison Military Court', '77GV0013'],
    ['the 235th Garrison Military Court', '77GV0005'],
    ['the Southern District Military Court', '61OV0000'],
    ['the Second Western District Military Court', '77OV0000'],
    ['the Pacific Fleet Military Court', '25OV0000'],
    ['the Military Court of Appeal', '50AV0000'],
    ['a garrison court in Perm', '63GV0006'],
  ])('%s → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('keeps the name as written and its position', () => {
    const text = 'Дело рассмотрел Курский гарнизонный военный суд, а затем — Южный окружной военный суд.';
    const hits = matcher.findAll(text);
    expect(hits.map((h) => [h.court?.code ?? null, h.name, text.slice(h.index, h.index + h.length)])).toEqual([
      ['77GV0020', 'Курский гарнизонный военный суд', 'Курский гарнизонный военный суд'],
      ['61OV0000', 'Южный окружной военный суд', 'Южный окружной военный суд'],
    ]);
  });

  it('reports an unnamed or unknown military court without a code', () => {
    expect(matcher.findAll('Вчера гарнизонный военный суд вынес приговор.').map((h) => [h.court, h.name])).toEqual([[null, 'гарнизонный военный суд']]);
    expect(matcher.findAll('в местном гарнизонном военном суде').map((h) => [h.court, h.name])).toEqual([[null, 'гарнизонном военном суде']]);
    expect(matcher.findAll('Ленинградский гарнизонный военный суд').map((h) => [h.court, h.name])).toEqual([[null, 'Ленинградский гарнизонный военный суд']]);
    expect(matcher.findAll('the Unknownsk Garrison Military Court').map((h) => [h.court, h.name])).toEqual([[null, 'Unknownsk Garrison Military Court']]);
  });

  it('ignores courts that are not military and look-alikes', () => {
    expect(matcher.findAll('Ленинский районный суд Курска и Курский областной суд')).toEqual([]);
    expect(matcher.findAll('экипаж военного судна')).toEqual([]);
    expect(matcher.findAll('Курские гарнизонные военные суды')).toEqual([]);
  });

  it('works over any list of courts (the lead can pass a subset or a test registry)', () => {
    const only = new CourtMatcher(militaryCourts.filter((c) => c.code === '63GV0001'));
    expect(only.match('Самарским гарнизонным военным судом')?.code).toBe('63GV0001');
    expect(only.match('Курским гарнизонным военным судом')).toBeNull();
  });
});
