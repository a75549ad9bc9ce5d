import { militaryCourts } from '../sudrf/court-registry.js';
import type { Court } from '../sudrf/types.js';
import { englishCourtKeys, englishQualifierKey } from './english-court-names.js';
import { adjectiveCase, foldRussian, qualifierKey, type GrammaticalCase } from './russian-adjective.js';

/** A court named in a text. */
export interface CourtHit {
  /** The registry entry, null when the court is unnamed («гарнизонный военный суд») or unknown. */
  court: Court | null;
  /** The phrase as written, e.g. «Курским гарнизонным военным судом». */
  name: string;
  index: number;
  length: number;
}

type CourtType = 'гарнизонн' | 'окружн' | 'флотск' | 'апелляционн' | 'кассационн';

// Pieces of the Russian court phrase. Hyphens include the typographic ones.
const HY = '[-\\u2010\\u2011\\u2013]';
const SP = '[ \\t\\u00a0]+';
const NUM_ORD = `\\d{1,3}(?:\\s?${HY}?\\s?(?:ого|ому|ым|ом|ый|ой|ий|го|му|й|м))?`;
const WORD_ORD = '(?:[Пп]ерв|[Вв]тор)(?:ого|ому|ым|ом|ый|ой)';
const QUAL = `[А-ЯЁ][а-яё]*(?:${HY}[А-ЯЁа-яё]+)*`;
const TYPE = '(?:[Гг]арнизонн|[Оо]кружн|[Фф]лотск|[Аа]пелляционн|[Кк]ассационн)[а-яё]*';
const VOEN = 'военн(?:ый|ого|ому|ым|ом)';
const SUD = 'суд(?:а|у|ом|е)?';
const EDGE_L = '(?<![\\p{L}\\p{N}])';
const EDGE_R = '(?![\\p{L}\\p{N}])';

/** «[2-й|Второго] [Курским] гарнизонным военным судом». */
const RU_PHRASE = new RegExp(
  `${EDGE_L}(?:(?<ord>${NUM_ORD}|${WORD_ORD})${SP})?(?:(?<qual>${QUAL})${SP})?(?<type>${TYPE})${SP}${VOEN}${SP}${SUD}${EDGE_R}`,
  'gu',
);
/** «Курского ГВС», «35-го ГВС». */
const RU_ABBR = new RegExp(`${EDGE_L}(?:(?<ord>${NUM_ORD})|(?<qual>${QUAL}))${SP}ГВС${EDGE_R}`, 'gu');
/** «военным судом Курского гарнизона». */
const RU_OF_GARRISON = new RegExp(`${EDGE_L}[Вв]оенн[а-яё]*${SP}${SUD}${SP}(?<qual>${QUAL})${SP}гарнизона${EDGE_R}`, 'gu');

// English: «the Kursk Garrison Military Court», «the 2nd Western District Military Court»,
// «the Military Court of Appeal», «a garrison court in Kursk».
const EN_CAP = "[A-Z][A-Za-z'’.]*(?:-[A-Za-z]+)*";
const EN_PHRASE = new RegExp(
  `(?<![A-Za-z])(?<qual>(?:${EN_CAP}|\\d{1,3}(?:st|nd|rd|th)?)(?:\\s+(?:${EN_CAP}|on|na)){0,4}\\s+)?(?<type>[Gg]arrison|[Dd]istrict|[Ff]leet|[Nn]aval)\\s+[Mm]ilitary\\s+[Cc]ourt(?![A-Za-z])`,
  'gu',
);
const EN_HIGH = /(?<![A-Za-z])(?:(?:the\s+)?(?<t1>Appeal|Appellate|Cassation|Cassational)\s+Military\s+Court|Military\s+Court\s+of\s+(?<t2>Appeals?|Cassation))(?![A-Za-z])/gu;
const EN_IN_CITY = /(?<![A-Za-z])(?:[Gg]arrison|[Mm]ilitary)\s+(?:[Mm]ilitary\s+)?[Cc]ourt\s+in\s+(?<city>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?)/gu;
const EN_CITY_GARRISON = /(?<![A-Za-z])(?<city>[A-Z][A-Za-z'’-]+)\s+garrison\s+court(?![A-Za-z])/gu;

const EN_TYPE: Record<string, CourtType> = { garrison: 'гарнизонн', district: 'окружн', fleet: 'флотск', naval: 'флотск' };
const EN_NOISE = new Set(['the', 'a', 'an', 'in', 'of', 'by', 'at', 'from', 'to', 'and', 'on', 'na']);

/**
 * Historical names still found in the press, mapped to today's courts (the okrug courts were
 * renamed and merged; aliases are only used when the target code is in the registry).
 */
const RU_ALIASES: Record<string, string> = {
  'окружн:московск': '77OV0000',
  'окружн:ленинградск': '78OV0000',
  'окружн:северокавказск': '61OV0000',
  'окружн:дальневосточн': '27OV0000',
  'окружн:восточносибирск': '75OV0000',
};

/**
 * Finds military courts named in Russian or English text and maps them to registry entries
 * through their case forms: «Курским гарнизонным военным судом», «в Курском гарнизонном военном
 * суде», «Курского ГВС», «военным судом Курского гарнизона», «2-го Западного окружного военного
 * суда», «the Kursk Garrison Military Court» all give 77GV0020.
 */
export class CourtMatcher {
  private readonly ru = new Map<string, Court | null>();
  private readonly en = new Map<string, Court | null>();

  constructor(courts: readonly Court[] = militaryCourts) {
    const keyed = courts
      .map((court) => ({ court, key: this.keyOf(court.name.replace(/\s*\(.*\)\s*$/u, '')) }))
      .filter((c): c is { court: Court; key: string } => c.key !== null);
    for (const { court, key } of keyed) this.ru.set(key, court);
    const official = new Set(this.ru.keys());
    for (const { court, key } of keyed) {
      for (const k of ruVariants(key)) addVariant(this.ru, k, court, official);
      for (const k of englishCourtKeys(key)) addVariant(this.en, k, court, official);
    }
    for (const [alias, code] of Object.entries(RU_ALIASES)) {
      const court = courts.find((c) => c.code === code);
      if (court && !this.ru.has(alias)) this.ru.set(alias, court);
    }
  }

  /** The registry entry for one court name in any case form (Russian or English), or null. */
  match(name: string): Court | null {
    const hits = this.findAll(name);
    return hits.length === 1 ? hits[0]!.court : null;
  }

  /** Every court phrase in the text, in order of appearance, overlapping phrases removed. */
  findAll(text: string): CourtHit[] {
    const hits: CourtHit[] = [];
    for (const m of text.matchAll(RU_PHRASE)) hits.push(this.ruHit(m, m.groups!['type']!));
    for (const m of text.matchAll(RU_ABBR)) hits.push(this.ruHit(m, 'гарнизонн', true));
    for (const m of text.matchAll(RU_OF_GARRISON)) {
      const court = this.lookupRu('гарнизонн', qualifierKey(null, m.groups!['qual']!));
      hits.push({ court, name: m[0], index: m.index!, length: m[0].length });
    }
    for (const m of text.matchAll(EN_PHRASE)) hits.push(this.enHit(m));
    for (const m of text.matchAll(EN_HIGH)) {
      const t = (m.groups!['t1'] ?? m.groups!['t2']!).toLowerCase();
      const type: CourtType = t.startsWith('cass') ? 'кассационн' : 'апелляционн';
      hits.push({ court: this.ru.get(`${type}:`) ?? null, name: m[0].replace(/^the\s+/u, ''), index: m.index!, length: m[0].length });
    }
    for (const re of [EN_IN_CITY, EN_CITY_GARRISON]) {
      for (const m of text.matchAll(re)) {
        const court = this.en.get(`гарнизонн:${englishQualifierKey(m.groups!['city']!)}`) ?? null;
        if (court) hits.push({ court, name: m[0], index: m.index!, length: m[0].length });
      }
    }
    hits.sort((a, b) => a.index - b.index || b.length - a.length);
    const out: CourtHit[] = [];
    for (const h of hits) {
      const last = out[out.length - 1];
      if (last && h.index < last.index + last.length) {
        // Overlap: keep the one that names a registry court, else the longer one.
        if (!last.court && h.court) out[out.length - 1] = h;
        continue;
      }
      out.push(h);
    }
    return out;
  }

  private keyOf(name: string): string | null {
    const m = new RegExp(RU_PHRASE.source, 'u').exec(name);
    if (!m) return null;
    const type = courtType(m.groups!['type']!);
    return `${type}:${qualifierKey(m.groups!['ord'] ?? null, m.groups!['qual'] ?? null)}`;
  }

  private lookupRu(type: CourtType, key: string): Court | null {
    return this.ru.get(`${type}:${key}`) ?? null;
  }

  private ruHit(m: RegExpMatchArray, typeWord: string, abbreviation = false): CourtHit {
    const type = courtType(typeWord);
    let ord: string | null = m.groups!['ord'] ?? null;
    let qual: string | null = m.groups!['qual'] ?? null;
    const typeCase = abbreviation ? null : adjectiveCase(typeWord);
    const start = m.index!;
    let offset = 0;
    // A capitalised word before the type word is a qualifier only if it is an adjective in the
    // same case («Курским гарнизонным», not «Вчера гарнизонный»).
    if (qual && !agrees(adjectiveCase(qual), typeCase)) {
      offset = m[0].indexOf(qual) + qual.length;
      qual = null;
      ord = null;
    }
    if (ord && !/\d/u.test(ord) && !agrees(adjectiveCase(ord), typeCase)) {
      if (!qual) offset = m[0].indexOf(ord) + ord.length;
      ord = null;
    }
    let name = m[0].slice(offset).trimStart();
    const index = start + (m[0].length - name.length);
    let court: Court | null = null;
    if (type === 'апелляционн' || type === 'кассационн') court = this.lookupRu(type, '');
    else if (ord || qual) court = this.lookupRu(type, qualifierKey(ord, qual));
    if (abbreviation && !ord && !qual) return { court: null, name: 'ГВС', index: start + m[0].length - 3, length: 3 };
    name = name.replace(/\s+/gu, ' ');
    return { court, name, index, length: m[0].length - (index - start) };
  }

  private enHit(m: RegExpMatchArray): CourtHit {
    const type = EN_TYPE[m.groups!['type']!.toLowerCase()]!;
    const words = (m.groups!['qual'] ?? '').trim().split(/\s+/u).filter(Boolean);
    // Strip leading noise («In a ruling the …») and try the longest run of qualifier words first.
    let court: Court | null = null;
    let used = 0;
    for (let n = Math.min(4, words.length); n >= 1 && !court; n--) {
      const tail = words.slice(-n);
      if (EN_NOISE.has(tail[0]!.toLowerCase())) continue;
      const found = this.en.get(`${type}:${englishQualifierKey(tail.join(' '))}`);
      if (found) {
        court = found;
        used = n;
      }
    }
    if (!court) {
      const last = words[words.length - 1];
      used = last && !EN_NOISE.has(last.toLowerCase()) ? 1 : 0;
    }
    const typePhrase = m[0].slice(m[0].search(/(?:[Gg]arrison|[Dd]istrict|[Ff]leet|[Nn]aval)\s+[Mm]ilitary/u));
    const name = [...words.slice(words.length - used), typePhrase].join(' ');
    const index = m.index! + m[0].length - name.length;
    return { court, name, index: Math.max(m.index!, index), length: name.length };
  }
}

function courtType(word: string): CourtType {
  const w = foldRussian(word);
  for (const t of ['гарнизонн', 'окружн', 'флотск', 'апелляционн', 'кассационн'] as const) if (w.startsWith(t)) return t;
  return 'гарнизонн';
}

function agrees(a: GrammaticalCase | null, b: GrammaticalCase | null): boolean {
  if (a === null) return false;
  return b === null || a === b;
}

/** Spellings the press uses besides the official one («Ростовский» for «Ростовский-на-Дону»). */
function ruVariants(key: string): string[] {
  const out: string[] = [];
  const [type, qual] = key.split(':') as [string, string];
  const withoutNa = qual.replace(/на(?:дону|амуре)$/u, '');
  if (withoutNa !== qual) out.push(`${type}:${withoutNa}`);
  if (qual === 'великоновгородск') out.push(`${type}:новгородск`);
  return out;
}

/** Adds a variant spelling unless an official name owns it; two courts sharing a variant makes it ambiguous (null). */
function addVariant(map: Map<string, Court | null>, key: string, court: Court, official: ReadonlySet<string>): void {
  if (!map.has(key)) map.set(key, court);
  else if (map.get(key)?.code !== court.code && !official.has(key)) map.set(key, null);
}
