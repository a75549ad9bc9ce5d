// News stories about simulated cases (and a few that describe no stored case, and some that are not
// about courts at all), written the way the outlets write them: the court in one of its Russian case
// forms, the article and part, the sentence, the date. Plain data; news-pages.ts renders them.
import type { Court } from '../../scrapers/sudrf/types.js';
import { dayOf, isoOf } from './calendar.js';
import type { SimCase } from './case-generator.js';
import { decisionVisible } from './case-search.js';
import { canInflect, courtForm } from './news-court-forms.js';
import { hashSeed, Rng } from './prng.js';

export interface DescribedCase {
  court: string;
  caseNumber: string;
  article: string;
  part: string | null;
  decidedOn: string;
  /** No other case of that court with that article and part was decided within the window. */
  unique: boolean;
}

export interface NewsStory {
  host: string;
  url: string;
  guid: string;
  title: string;
  summary: string;
  /** ISO timestamp (UTC). */
  publishedAt: string;
  lang: 'ru' | 'en';
  paragraphs: string[];
  /** case: describes `describes`; decoy: about a verdict no stored case matches; filler: not about courts. */
  kind: 'case' | 'decoy' | 'filler';
  describes?: DescribedCase;
}

export interface StoryOptions {
  seed: number;
  /** The crawled period (ISO dates): case stories describe verdicts decided in it. */
  from: string;
  to: string;
  /** The simulated today: only decisions the court site shows by then are described. */
  now: string;
  /** Russian-language hosts (case stories go round-robin) and English ones. */
  ruHosts: string[];
  enHosts: string[];
  /** Case stories in Russian (default 8) and English (default 2, for courts with an English name below). */
  ruCases?: number;
  enCases?: number;
  /** Window of days a link may span (for `unique`); default 7. */
  windowDays?: number;
}

/** English names of a few garrison courts, as the English-language press writes them. */
export const ENGLISH_COURT_NAMES: Record<string, string> = {
  '77GV0020': 'Kursk', '63GV0001': 'Samara', '54GV0001': 'Novosibirsk', '61GV0001': 'Rostov-on-Don', '25GV0001': 'Vladivostok',
  '77GV0001': 'Moscow', '77GV0009': 'Nizhny Novgorod', '66GV0001': 'Yekaterinburg', '27GV0001': 'Khabarovsk', '39GV0001': 'Kaliningrad',
};

const TRACKED = new Set(['337', '338', '332', '339', '328']);
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const YEARS_DAT = ['', 'одному году', 'двум годам', 'трем годам', 'четырем годам', 'пяти годам', 'шести годам', 'семи годам'];
const YEARS_ACC = ['', 'один год', 'два года', 'три года', 'четыре года', 'пять лет', 'шесть лет', 'семь лет'];
const EN_NUM = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'];
const RANKS: ReadonlyArray<readonly [nom: string, gen: string]> = [
  ['рядовой', 'рядового'], ['ефрейтор', 'ефрейтора'], ['младший сержант', 'младшего сержанта'], ['контрактник', 'контрактника'], ['мобилизованный', 'мобилизованного'],
];
const OFFENCE: Record<string, readonly [prep: string, acc: string]> = {
  '337': ['самовольном оставлении части', 'самовольное оставление части'],
  '338': ['дезертирстве', 'дезертирство'],
  '332': ['неисполнении приказа', 'неисполнение приказа'],
  '339': ['уклонении от исполнения обязанностей военной службы', 'уклонение от военной службы'],
  '328': ['уклонении от военной службы', 'уклонение от военной службы'],
};
const TERM_YEARS: Record<string, readonly number[]> = {
  '337|5': [5, 6], '337|3.1': [4, 5], '337|2.1': [2, 3], '337|4': [3, 4], '337|3': [2, 3], '337|1': [1], '337|2': [1],
  '338': [5, 6], '332': [2, 3], '339': [2, 3], '328': [1, 2],
};
const MOBILISATION_PARTS = new Set(['337|2.1', '337|3.1', '337|5', '332|2.1', '338|3', '339|3']);

const FILLERS_RU = [
  ['В Сочи открылся кинофестиваль', 'Фестиваль продлится неделю; в программе сорок фильмов.'],
  ['Синоптики пообещали потепление к выходным', 'Температура поднимется до плюс десяти градусов.'],
  ['Роскомнадзор заблокировал еще один VPN-сервис', 'Ведомство пообещало новые ограничения.'],
  ['Футбольный клуб сменил главного тренера', 'Контракт подписан до конца сезона.'],
] as const;
const FILLERS_EN = [
  ['Moscow marathon draws a record crowd', 'Some forty thousand runners took part.'],
  ['Central bank keeps its key rate unchanged', 'Analysts had expected the decision.'],
] as const;

interface Sentence {
  dat: string;
  acc: string;
  en: string;
}

function sentenceOf(c: SimCase, rng: Rng): Sentence {
  const d = c.defendants[0]!;
  const ch = d.charges[0]!;
  const years = rng.pick(TERM_YEARS[`${ch.article}|${ch.part}`] ?? TERM_YEARS[ch.article] ?? [2]);
  const detail = d.resultDetail ?? 'Лишение свободы';
  if (detail === 'Штраф') {
    const k = rng.pick([100, 150, 200, 250]);
    return { dat: `к штрафу в размере ${k} тысяч рублей`, acc: `штраф в размере ${k} тысяч рублей`, en: `a fine of ${k},000 rubles` };
  }
  if (detail.includes('условно')) {
    return { dat: `к ${YEARS_DAT[years]} лишения свободы условно`, acc: `${YEARS_ACC[years]} лишения свободы условно`, en: `a suspended sentence of ${EN_NUM[years]} years` };
  }
  if (detail.includes('поселении')) {
    return { dat: `к ${YEARS_DAT[years]} колонии-поселения`, acc: `${YEARS_ACC[years]} колонии-поселения`, en: `${EN_NUM[years]} years in a penal settlement` };
  }
  return { dat: `к ${YEARS_DAT[years]} колонии общего режима`, acc: `${YEARS_ACC[years]} колонии общего режима`, en: `${EN_NUM[years]} years in a general-regime penal colony` };
}

function ruDate(day: number, pubDay: number): string {
  const iso = isoOf(day);
  const text = `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
  return iso.slice(0, 4) === isoOf(pubDay).slice(0, 4) ? text : `${text} ${iso.slice(0, 4)} года`;
}

function enDate(day: number): string {
  const iso = isoOf(day);
  return `${EN_MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;
}

function partRef(article: string, part: string | null, long: boolean): string {
  if (!part) return `ст. ${article} УК РФ`;
  return long ? `части ${part} статьи ${article} УК РФ` : `ч. ${part} ст. ${article} УК РФ`;
}

/** The Russian text of a verdict, in one of four shapes (the court in nominative, instrumental, prepositional or genitive). */
function ruStory(courtName: string, article: string, part: string | null, day: number, pubDay: number, s: Sentence, rng: Rng, shape: number) {
  const [rankNom, rankGen] = rng.pick(RANKS);
  const age = rng.int(20, 45);
  const D = ruDate(day, pubDay);
  const mob = MOBILISATION_PARTS.has(`${article}|${part}`) ? ' в период мобилизации' : '';
  const [offPrep, offAcc] = OFFENCE[article] ?? OFFENCE['337']!;
  const ref = partRef(article, part, rng.chance(0.5));
  const shapes: string[][] = [
    [
      `${courtForm(courtName, 'nom')} ${D} приговорил ${age}-летнего ${rankGen} ${s.dat} по делу о ${offPrep}${mob} (${ref}).`,
      'По версии следствия, военнослужащий не вернулся в часть из отпуска и несколько месяцев жил у родственников.',
      'Вину подсудимый признал. Приговор еще не вступил в законную силу.',
    ],
    [
      `${D} ${age}-летний ${rankNom} был осужден ${courtForm(courtName, 'ins')} по ${ref}. Суд назначил ему ${s.acc}.`,
      'Как следует из материалов дела, он не явился в часть после лечения в госпитале.',
    ],
    [
      `Дело ${age}-летнего ${rankGen} о ${offPrep}${mob} рассматривали в ${courtForm(courtName, 'prep')}. Его обвиняли по ${ref}.`,
      `${D} суд приговорил его ${s.dat}.`,
      'Защита намерена обжаловать приговор.',
    ],
    [
      `Судья ${courtForm(courtName, 'gen')} ${D} признал ${age}-летнего ${rankGen} виновным по ${ref} и приговорил ${s.dat}.`,
      'Военнослужащий провел вне части больше месяца.',
    ],
  ];
  const title = `${courtForm(courtName, 'nom')} вынес приговор по делу о ${offPrep}`;
  return { title, summary: `${rankNom[0]!.toUpperCase()}${rankNom.slice(1)} осужден за ${offAcc}.`, paragraphs: shapes[shape % shapes.length]! };
}

function enStory(city: string, article: string, part: string | null, day: number, s: Sentence, rng: Rng) {
  const age = rng.int(20, 45);
  const ref = part ? `Part ${part} of Article ${article} of the Criminal Code` : `Article ${article} of the Criminal Code`;
  return {
    title: `${city} garrison court sentences a soldier for going AWOL`,
    summary: `A mobilized private was sentenced under ${ref}.`,
    paragraphs: [
      `The ${city} Garrison Military Court on ${enDate(day)} sentenced a ${age}-year-old mobilized private to ${s.en} under ${ref}.`,
      'According to investigators, he failed to return to his unit after a leave.',
    ],
  };
}

function publishedAt(day: number, rng: Rng): string {
  return new Date(day * 86_400_000 + (6 + rng.int(0, 8)) * 3_600_000 + rng.int(0, 59) * 60_000).toISOString();
}

function urlFor(host: string, day: number, slug: string): string {
  return `https://${host}/news/${isoOf(day).replace(/-/gu, '/')}/${slug}`;
}

/** Cases worth a story: first-instance convictions of a tracked article decided in the period and shown on the site by `now`. */
function candidates(cases: readonly SimCase[], opts: StoryOptions, names: ReadonlyMap<string, string>): { c: SimCase; unique: boolean }[] {
  const from = dayOf(opts.from);
  const to = dayOf(opts.to);
  const now = dayOf(opts.now);
  const window = opts.windowDays ?? 7;
  const out: { c: SimCase; unique: boolean }[] = [];
  for (const c of cases) {
    const d = c.defendants[0];
    const ch = d?.charges[0];
    if (c.instance !== 'first' || c.outcome !== 'conviction' || d?.outcome !== 'conviction' || !ch || !TRACKED.has(ch.article)) continue;
    if (c.decidedDay === null || c.decidedDay < from || c.decidedDay > to || !decisionVisible(c, now) || !canInflect(names.get(c.court) ?? '')) continue;
    const unique = !cases.some(
      (o) =>
        o !== c && o.court === c.court && o.decidedDay !== null && Math.abs(o.decidedDay - c.decidedDay!) <= window &&
        o.defendants.some((x) => x.charges.some((y) => y.article === ch.article && (y.part === ch.part || !y.part || !ch.part))),
    );
    out.push({ c, unique });
  }
  return out;
}

/** Picks `n` cases, unique ones first, spread over the courts. */
function pick(pool: { c: SimCase; unique: boolean }[], n: number, rng: Rng): { c: SimCase; unique: boolean }[] {
  const byCourt = new Map<string, { c: SimCase; unique: boolean }[]>();
  for (const p of pool) byCourt.set(p.c.court, [...(byCourt.get(p.c.court) ?? []), p]);
  for (const list of byCourt.values()) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    list.sort((a, b) => Number(b.unique) - Number(a.unique));
  }
  const out: { c: SimCase; unique: boolean }[] = [];
  const courts = [...byCourt.keys()].sort();
  for (let round = 0; out.length < n && courts.some((k) => byCourt.get(k)!.length > round); round++) {
    for (const k of courts) if (out.length < n && byCourt.get(k)![round]) out.push(byCourt.get(k)![round]!);
  }
  return out;
}

/**
 * Stories for the news site: Russian and English ones about simulated cases, two decoys (a verdict
 * of a court that is not simulated, and one dated long before the period), and two stories per
 * host that are not about courts at all.
 */
export function writeStories(cases: readonly SimCase[], courts: readonly Court[], allCourts: readonly Court[], opts: StoryOptions): NewsStory[] {
  const rng = new Rng(hashSeed(opts.seed, 'news'));
  const names = new Map(allCourts.map((c) => [c.code, c.name]));
  const pool = candidates(cases, opts, names);
  const stories: NewsStory[] = [];
  const ru = pick(pool, opts.ruCases ?? 8, rng);
  ru.forEach(({ c, unique }, i) => {
    const ch = c.defendants[0]!.charges[0]!;
    const pubDay = c.decidedDay! + rng.int(0, 3);
    const text = ruStory(names.get(c.court)!, ch.article, ch.part, c.decidedDay!, pubDay, sentenceOf(c, rng), rng, i);
    const host = opts.ruHosts[i % opts.ruHosts.length]!;
    const url = urlFor(host, pubDay, `prigovor-${c.court.toLowerCase()}-${i + 1}`);
    stories.push({
      host, url, guid: i % 2 ? url : `sim-${c.court}-${i + 1}`, ...text, publishedAt: publishedAt(pubDay, rng), lang: 'ru', kind: 'case',
      describes: { court: c.court, caseNumber: c.number, article: ch.article, part: ch.part, decidedOn: isoOf(c.decidedDay!), unique },
    });
  });
  const taken = new Set(ru.map((p) => p.c));
  const en = pick(pool.filter((p) => !taken.has(p.c) && ENGLISH_COURT_NAMES[p.c.court] && !p.c.defendants[0]!.resultDetail?.startsWith('Штраф')), opts.enHosts.length ? (opts.enCases ?? 2) : 0, rng);
  en.forEach(({ c, unique }, i) => {
    const ch = c.defendants[0]!.charges[0]!;
    const pubDay = c.decidedDay! + rng.int(0, 2);
    const host = opts.enHosts[i % opts.enHosts.length]!;
    const url = urlFor(host, pubDay, `awol-${c.court.toLowerCase()}-${i + 1}`);
    stories.push({
      host, url, guid: url, ...enStory(ENGLISH_COURT_NAMES[c.court]!, ch.article, ch.part, c.decidedDay!, sentenceOf(c, rng), rng),
      publishedAt: publishedAt(pubDay, rng), lang: 'en', kind: 'case',
      describes: { court: c.court, caseNumber: c.number, article: ch.article, part: ch.part, decidedOn: isoOf(c.decidedDay!), unique },
    });
  });

  const simulated = new Set(courts.map((c) => c.code));
  const elsewhere = allCourts.find((c) => c.level === 'garrison' && !simulated.has(c.code) && canInflect(c.name))!;
  const home = courts.find((c) => canInflect(c.name)) ?? elsewhere;
  const decoys: Array<[Court, number]> = [
    [elsewhere, dayOf(opts.from) + 20],
    [home, dayOf(opts.from) - 45],
  ];
  decoys.forEach(([court, day], i) => {
    const host = opts.ruHosts[i % opts.ruHosts.length]!;
    const s: Sentence = { dat: 'к пяти годам колонии общего режима', acc: 'пять лет колонии общего режима', en: '' };
    const text = ruStory(court.name, '337', '5', day, day + 1, s, rng, i);
    stories.push({ host, url: urlFor(host, day + 1, `drugoe-delo-${i + 1}`), guid: urlFor(host, day + 1, `drugoe-delo-${i + 1}`), ...text, publishedAt: publishedAt(day + 1, rng), lang: 'ru', kind: 'decoy' });
  });

  for (const host of [...opts.ruHosts, ...opts.enHosts]) {
    const list = opts.enHosts.includes(host) ? FILLERS_EN : FILLERS_RU;
    for (let i = 0; i < 2; i++) {
      const [title, summary] = list[(i + host.length) % list.length]!;
      const day = dayOf(opts.from) + rng.int(0, Math.max(0, dayOf(opts.to) - dayOf(opts.from)));
      const url = urlFor(host, day, `other-${i + 1}`);
      stories.push({ host, url, guid: url, title, summary, paragraphs: [summary], publishedAt: publishedAt(day, rng), lang: opts.enHosts.includes(host) ? 'en' : 'ru', kind: 'filler' });
    }
  }
  return stories.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}
