// English spellings of military court names as the English-language press writes them:
// the city the court is named after («Курский» → Kursk, «Пермский» → Perm), transliterated,
// plus the okrug and fleet courts by their English names («Southern District Military Court»).

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Cities whose English name is not a transliteration of the court's adjective. */
const GARRISON_EN: Record<string, readonly string[]> = {
  московск: ['moscow'],
  санктпетербургск: ['stpetersburg', 'saintpetersburg', 'petersburg'],
  ростовскнадону: ['rostovondon', 'rostov'],
  нижегородск: ['nizhnynovgorod', 'nizhniynovgorod', 'nizhniinovgorod'],
  нижнетагильск: ['nizhnytagil', 'nizhniytagil'],
  великоновгородск: ['velikynovgorod', 'velikiynovgorod', 'novgorod'],
  уфимск: ['ufa'],
  вологодск: ['vologda'],
  уланудэнск: ['ulanude'],
  грозненск: ['grozny', 'groznyy'],
  крымск: ['crimea', 'crimean'],
  комсомольскнаамуре: ['komsomolskonamur', 'komsomolsk'],
  спасскдальн: ['spasskdalny', 'spasskdalniy'],
  советскогаванск: ['sovetskayagavan'],
  борзинск: ['borzya'],
  мирненск: ['mirny', 'mirnyy'],
  полярнинск: ['polyarny', 'polyarnyy'],
  свободненск: ['svobodny', 'svobodnyy'],
  краснореченск: ['krasnayarechka'],
  знаменск: ['znamensk'],
};

const OKRUG_EN: Record<string, string> = {
  южн: 'southern',
  центральн: 'central',
  западн: 'western',
  восточн: 'eastern',
  тихоокеанск: 'pacific',
  северн: 'northern',
  балтийск: 'baltic',
};

/** The case-free key of an English qualifier: `the 2nd Western` → `2western`, `St. Petersburg` → `stpetersburg`. */
export function englishQualifierKey(words: string): string {
  return words
    .toLowerCase()
    .replace(/\bfirst\b/gu, '1')
    .replace(/\bsecond\b/gu, '2')
    .replace(/(\d+)(?:st|nd|rd|th)\b/gu, '$1')
    .replace(/[^a-z0-9]/gu, '');
}

function translit(ru: string, iotated: boolean): string {
  let out = '';
  for (let i = 0; i < ru.length; i++) {
    const ch = ru[i]!;
    const prev = i > 0 ? ru[i - 1]! : '';
    if (iotated && ch === 'е' && (i === 0 || 'аеёиоуыэюяьъ'.includes(prev))) out += 'ye';
    else out += TRANSLIT[ch] ?? ch;
  }
  return englishQualifierKey(out);
}

/** Russian spellings of the city a garrison court's adjective stem is named after (`пермск` → пермь, …). */
function cityCandidates(stem: string): string[] {
  if (!stem.endsWith('ск')) return [stem];
  const b = stem.slice(0, -2);
  const out = new Set([stem, b, b + 'а', b + 'ь', b + 'о', b + 'ль', b.replace(/ь$/u, '') + 'а']);
  if (b.endsWith('ин')) for (const end of ['а', 'о', 'и']) out.add(b.slice(0, -2) + end);
  if (b.endsWith('ен')) out.add(b.slice(0, -2) + 'а');
  if (b.endsWith('ж')) out.add(b.slice(0, -1) + 'га');
  return [...out];
}

/**
 * English lookup keys for a Russian registry key (`гарнизонн:курск` → `гарнизонн:kursk`, …;
 * `окружн:2западн` → `окружн:2western`). Keys shared by two courts are dropped by the caller.
 */
export function englishCourtKeys(ruKey: string): string[] {
  const [type, qual] = ruKey.split(':') as [string, string];
  if (!qual) return [];
  if (type === 'окружн' || type === 'флотск') {
    const m = /^(\d*)(.+)$/u.exec(qual)!;
    const en = OKRUG_EN[m[2]!];
    return en ? [`${type}:${m[1]}${en}`] : [];
  }
  if (type !== 'гарнизонн') return [];
  if (/^\d+$/u.test(qual)) return [`${type}:${qual}`];
  const names = GARRISON_EN[qual] ?? cityCandidates(qual).flatMap((c) => [translit(c, false), translit(c, true)]);
  return [...new Set(names)].filter((n) => n.length >= 3).map((n) => `${type}:${n}`);
}
