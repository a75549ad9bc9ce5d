import { findArticleRefs, inferArticles } from './article-ref-extractor.js';
import { CourtMatcher, type CourtHit } from './court-matcher.js';
import { findDates } from './date-finder.js';
import { extractFigures } from './figure-extractor.js';
import { findSentenceTerms, type SentenceTermHit } from './sentence-term-extractor.js';
import { splitSentences, type TextSentence } from './sentence-splitter.js';
import type { ArticleCharge, MentionExtraction, NewsMention, SentenceTerm } from './types.js';

export interface ExtractMentionsOptions {
  /** Publication time of the article (ISO): gives the year to «12 мая» and a day to «вчера», «в пятницу». */
  publishedAt?: string | null;
  /** Court matcher over the registry; defaults to one over all military courts. */
  courts?: CourtMatcher;
}

interface SentenceFacts {
  s: TextSentence;
  courts: CourtHit[];
  terms: SentenceTermHit[];
  refs: ArticleCharge[];
  verdictCue: boolean;
}

interface Cluster {
  court: CourtHit | null;
  courtSentence: number | null;
  term: SentenceTermHit | null;
  termSentence: number | null;
  sentences: number[];
  paragraph: number;
  articles: ArticleCharge[];
  /** Articles from the cluster's own sentences (as opposed to assigned from neighbours). */
  ownArticles: boolean;
  /** The court comes from the verdict told just before (same paragraph), not from this sentence. */
  inherited: boolean;
  /** First sentence after the cluster's story (where the next verdict starts or the text moves on). */
  spanEnd: number;
}

const VERDICT_CUE = /приговор|осуди|осужд|вынес|оштрафова|признал[\p{L}]*\s+виновн|огласил|fined|found\s+guilty|ruling|issued|decision|решени|оставил[\p{L}]*\s+(?:приговор\s+)?без\s+изменени|отклонил|смягчил|sentenc|convict|upheld|ruled|rejected|jailed/iu;
const ADDITIVE = /(?<![\p{L}])(?:кроме того|также|дополнительно|ему|ей|also|additionally|in addition)(?![\p{L}])/iu;
const SAME_DAY = /(?<![\p{L}])(?:в тот же день|в этот же день|the same day)(?![\p{L}])/iu;
const NEXT_DAY = /(?<![\p{L}])(?:дн[её]м позже|на следующий день|на другой день|a day later|the next day|the following day)(?![\p{L}])/iu;
/** A court named as hearing the same case at another instance («обжаловала приговор», «в первой инстанции»). */
const OTHER_INSTANCE = /обжалова|апелляци|в первой инстанции|первая инстанция|без изменени|отменил|смягчил|ужесточил|appeal|upheld|first instance|overturned|quashed/iu;
/** Sentences between a court and the punishment it handed down. */
const MAX_GAP = 2;
/** How far back (in sentences) a bare «суд» / «the court» reaches for the court last named. */
const ANAPHORA_REACH = 6;
const BARE_COURT = /(?<![\p{L}])(?:суд(?:а|у|ом|е)?|the court)(?![\p{L}])/iu;
/** A sentence that speaks of all the defendants just told («Обоих признали виновными по ч. 5 ст. 337 УК»). */
const ALL_OF_THEM = /(?<![\p{L}])(?:обоих|обеих|оба|обе|все трое|всех троих|both|all three|each of them)(?![\p{L}])/iu;

let defaultMatcher: CourtMatcher | null = null;

/**
 * Reads a news text for verdicts: which military courts are named (matched to the registry
 * through Russian case forms), the articles and parts, the sentence and the date, one mention
 * per defendant/court; and the published figures (rates and totals) with their quotes.
 *
 * The text is the article body as given by `extractArticleText` (paragraphs separated by blank
 * lines) or any plain text. Pure: no I/O.
 */
export function extractMentions(text: string, options: ExtractMentionsOptions = {}): MentionExtraction {
  const matcher = options.courts ?? (defaultMatcher ??= new CourtMatcher());
  const publishedAt = options.publishedAt ?? null;
  const sentences = splitSentences(text);
  const figures = extractFigures(sentences, publishedAt);
  const figureQuotes = new Set(figures.map((f) => f.quote));

  const facts: SentenceFacts[] = sentences.map((s) => ({
    s,
    courts: matcher.findAll(s.text),
    terms: findSentenceTerms(s.text),
    refs: findArticleRefs(s.text).flatMap((h) => h.refs),
    verdictCue: VERDICT_CUE.test(s.text),
  }));

  const clusters = buildClusters(facts);
  assignArticles(clusters, facts, figureQuotes);
  linkAppeals(clusters, facts);
  applyDocumentArticles(clusters, facts, text);
  setSpans(clusters, facts);

  const mentions: NewsMention[] = [];
  let lastDate: string | null = null;
  for (const c of clusters) {
    // Without a military court, a punishment counts only for crimes against military service.
    if (!c.court && (!c.term || !c.articles.some(isMilitaryArticle))) continue;
    const date: string | null = clusterDate(c, facts, publishedAt) ?? relativeDate(c, facts, lastDate);
    lastDate = date ?? lastDate;
    mentions.push({
      court: c.court?.court?.code ?? null,
      courtName: c.court?.name ?? null,
      articles: c.articles,
      sentence: c.term ? { ...c.term.term } : null,
      date,
      quote: facts[c.termSentence ?? c.courtSentence!]!.s.text,
    });
  }
  return { mentions: mergeMentions(mentions), figures };
}

/**
 * Document-level fallbacks for punishments whose articles the nearby text does not name: the
 * charges named outside any verdict's story (a lead), else just the article when the whole text
 * names one (its part may be another defendant's), else the offence named in words.
 */
function applyDocumentArticles(clusters: Cluster[], facts: SentenceFacts[], text: string): void {
  const owned = new Set(clusters.flatMap((c) => c.sentences));
  const leadRefs = uniqueRefs(facts.filter((f) => !owned.has(f.s.index)).flatMap((f) => f.refs));
  const allArticles = [...new Set(facts.flatMap((f) => f.refs.map((r) => r.article)))];
  const docRefs: ArticleCharge[] =
    leadRefs.length === 1 ? leadRefs : allArticles.length === 1 ? [{ article: allArticles[0]!, part: null }] : [];
  const docInferred = docRefs.length === 0 ? inferArticles(text) : [];
  for (const c of clusters) {
    if (c.articles.length > 0 || !c.term) continue;
    if (docRefs.length === 1) c.articles = [...docRefs];
    else if (docInferred.length === 1) c.articles = [...docInferred];
  }
}

/** Where each cluster's story ends: the next cluster, a paragraph break past its last sentence, or MAX_GAP sentences on. */
function setSpans(clusters: Cluster[], facts: SentenceFacts[]): void {
  clusters.forEach((c, k) => {
    const next = clusters[k + 1]?.sentences[0] ?? facts.length;
    const last = lastSentence(c);
    const lastPara = facts[last]!.s.paragraph;
    let end = last + 1;
    while (end < next && end <= last + MAX_GAP + 1 && facts[end]!.s.paragraph <= lastPara + 1) end++;
    c.spanEnd = end;
  });
}

/** «В тот же день …», «Днем позже …», or a second punishment of the same hearing: dated by the verdict told just before. */
function relativeDate(c: Cluster, facts: SentenceFacts[], lastDate: string | null): string | null {
  if (!lastDate) return null;
  const anchors = [c.termSentence, c.courtSentence].filter((i): i is number => i !== null).map((i) => facts[i]!.s.text);
  if (anchors.some((t) => SAME_DAY.test(t))) return lastDate;
  if (anchors.some((t) => NEXT_DAY.test(t))) return addDays(lastDate, 1);
  return c.inherited ? lastDate : null;
}

/** Chapter 33 of the Criminal Code (crimes against military service, 331–352) and evasion of service (328). */
function isMilitaryArticle(a: ArticleCharge): boolean {
  const n = Number(a.article.split('.')[0]);
  return n === 328 || (n >= 331 && n <= 352);
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

function newCluster(sentence: TextSentence): Cluster {
  return {
    court: null,
    courtSentence: null,
    term: null,
    termSentence: null,
    sentences: [sentence.index],
    paragraph: sentence.paragraph,
    articles: [],
    ownArticles: false,
    spanEnd: sentence.index + 1,
    inherited: false,
  };
}

function sameCourt(a: CourtHit | null, b: CourtHit): boolean {
  if (!a) return false;
  if (a.court && b.court) return a.court.code === b.court.code;
  return !b.court; // «суд» / «гарнизонный военный суд» again: the court already named
}

/** Within reach of a cluster: the same paragraph as its last sentence, or at most MAX_GAP sentences on. */
function isNear(c: Cluster, s: TextSentence, facts: SentenceFacts[]): boolean {
  const last = lastSentence(c);
  if (facts[last]!.s.paragraph === s.paragraph) return true;
  return s.index - last <= MAX_GAP && s.paragraph - facts[last]!.s.paragraph <= 1;
}

function lastSentence(c: Cluster): number {
  return c.sentences[c.sentences.length - 1]!;
}

function touch(c: Cluster, index: number): void {
  if (!c.sentences.includes(index)) c.sentences.push(index);
}

/**
 * Walks the text in order and groups courts and punishments into one cluster per reported
 * verdict: a new court or a second punishment starts a new cluster; a punishment without a court
 * of its own inherits the court named just before it in the same paragraph.
 */
function buildClusters(facts: SentenceFacts[]): Cluster[] {
  const clusters: Cluster[] = [];
  let cur: Cluster | null = null;
  for (const f of facts) {
    const { s } = f;
    const events = [
      ...f.courts.map((hit) => ({ kind: 'court' as const, index: hit.index, hit })),
      ...f.terms.map((hit) => ({ kind: 'term' as const, index: hit.index, hit })),
    ].sort((a, b) => a.index - b.index);
    if (events.length === 0) {
      // A sentence that only names the charges continues the story being told.
      if (cur && f.refs.length > 0 && isNear(cur, s, facts)) touch(cur, s.index);
      continue;
    }
    for (const ev of events) {
      const near = cur !== null && isNear(cur, s, facts);
      if (ev.kind === 'court') {
        const termFollows = events.some((e) => e.kind === 'term' && e.index > ev.index);
        if (cur && near && sameCourt(cur.court, ev.hit)) {
          if (!cur.court!.court && ev.hit.court) cur.court = ev.hit;
          touch(cur, s.index);
          continue;
        }
        if (cur && near && !cur.court && cur.term && !termFollows) {
          // «Рядовой получил пять лет колонии. Приговор вынес Курский гарнизонный военный суд.»
          cur.court = ev.hit;
          cur.courtSentence = s.index;
          touch(cur, s.index);
          continue;
        }
        if (cur && near && cur.court && !cur.court.court && ev.hit.court && !cur.term) {
          cur.court = ev.hit; // «военный суд» first, then its name
          cur.courtSentence = s.index;
          touch(cur, s.index);
          continue;
        }
        cur = newCluster(s);
        cur.court = ev.hit;
        cur.courtSentence = s.index;
        clusters.push(cur);
      } else {
        const t = ev.hit.term;
        const fineOnly = t.years === 0 && t.months === 0 && t.fineRub !== null;
        if (fineOnly && cur?.term && cur.term.term.fineRub === null && near && f.courts.length === 0 && (cur.termSentence === s.index || ADDITIVE.test(s.text))) {
          // «Кроме того, суд назначил ему штраф 100 тысяч рублей.»
          cur.term.term.fineRub = t.fineRub;
          touch(cur, s.index);
          continue;
        }
        // «… рассматривали в Нижегородском гарнизонном военном суде. … 17 марта суд приговорил его к …»:
        // «суд» with no name of its own is the court last named, a few sentences back.
        const backReference = cur !== null && !cur.term && cur.court !== null && s.index - lastSentence(cur) <= ANAPHORA_REACH && BARE_COURT.test(s.text);
        if (cur && (near || backReference) && !cur.term) {
          cur.term = ev.hit;
          cur.termSentence = s.index;
          touch(cur, s.index);
          continue;
        }
        // A second punishment in the same paragraph as the first is from the same court («Рядовой А.
        // осужден на 4 года, младший сержант Б. приговорен к 5,5 года»).
        const inherit = cur?.term && cur.court && facts[cur.termSentence!]!.s.paragraph === s.paragraph ? cur.court : null;
        cur = newCluster(s);
        cur.court = inherit;
        cur.inherited = inherit !== null;
        cur.term = ev.hit;
        cur.termSentence = s.index;
        clusters.push(cur);
      }
    }
  }
  for (const c of clusters) c.sentences.sort((a, b) => a - b);
  return clusters;
}

/**
 * Articles for each cluster: those in its own sentences; otherwise from the nearest sentence
 * that names articles but belongs to no cluster (same or next paragraph, at most 3 sentences
 * away); otherwise the offence named in words («самовольное оставление части» → 337).
 */
function assignArticles(clusters: Cluster[], facts: SentenceFacts[], figureQuotes: ReadonlySet<string>): void {
  const owned = new Set<number>();
  for (const c of clusters) {
    for (const i of c.sentences) owned.add(i);
    const own = uniqueRefs(c.sentences.flatMap((i) => facts[i]!.refs));
    if (own.length > 0) {
      c.articles = own;
      c.ownArticles = true;
    }
  }
  // «Обоих признали виновными по …»: the charges of all the verdicts of that story.
  for (const f of facts) {
    if (f.refs.length === 0 || !ALL_OF_THEM.test(f.s.text)) continue;
    for (const c of clusters) {
      if (!c.ownArticles && c.articles.length === 0 && c.paragraph <= f.s.paragraph && distance(c, f.s.index) <= MAX_GAP) {
        c.articles = uniqueRefs(f.refs);
        c.ownArticles = true;
      }
    }
  }
  const free = facts.filter((f) => f.refs.length > 0 && !owned.has(f.s.index) && !figureQuotes.has(f.s.text));
  for (const f of free) {
    const candidates = clusters
      .filter((c) => !c.ownArticles && Math.abs(c.paragraph - f.s.paragraph) <= 1)
      .map((c) => ({ c, d: distance(c, f.s.index) }))
      .filter(({ d }) => d <= 3)
      .sort((a, b) => a.d - b.d || (a.c.sentences[0]! > f.s.index ? -1 : 1));
    const target = candidates[0]?.c;
    if (target && target.articles.length === 0) target.articles = uniqueRefs(f.refs);
  }
  for (const c of clusters) {
    if (c.articles.length > 0) continue;
    const first = c.sentences[0]!;
    const span = facts.filter((f) => f.s.paragraph === c.paragraph && f.s.index >= first - 1 && f.s.index <= lastSentence(c) + 1);
    c.articles = inferArticles(span.map((f) => f.s.text).join(' '));
  }
}

/**
 * A court that hears the case at another instance («Защита Дубравина обжаловала приговор, однако
 * 2-й Западный окружной военный суд оставил его без изменения») takes the charges of the verdict
 * it speaks of: the earlier story naming the same person, else the story just before.
 */
function linkAppeals(clusters: Cluster[], facts: SentenceFacts[]): void {
  clusters.forEach((c, k) => {
    if (c.articles.length > 0 || k === 0) return;
    const texts = c.sentences.map((i) => facts[i]!.s.text);
    if (!texts.some((t) => OTHER_INSTANCE.test(t))) return;
    const names = new Set(c.sentences.flatMap((i) => nameStems(facts[i]!)));
    const earlier = clusters.slice(0, k).filter((o) => o.articles.length > 0).reverse();
    const same = earlier.find((o) => o.sentences.some((i) => nameStems(facts[i]!).some((n) => names.has(n)))) ?? earlier[0];
    if (same) c.articles = same.articles.map((a) => ({ ...a }));
  });
}

/** Prefixes of capitalised words inside a sentence (not its first word, not a court's name): surnames, mostly. */
function nameStems(f: SentenceFacts): string[] {
  const out: string[] = [];
  for (const m of f.s.text.matchAll(/(?<![\p{L}])[А-ЯЁA-Z][а-яёa-z]{3,}/gu)) {
    if (m.index === 0 || f.courts.some((c) => m.index! >= c.index && m.index! < c.index + c.length)) continue;
    out.push(m[0].slice(0, 5).toLowerCase());
  }
  return out;
}

function distance(c: Cluster, index: number): number {
  const first = c.sentences[0]!;
  const last = lastSentence(c);
  return index < first ? first - index : index > last ? index - last : 0;
}

/** Unique refs in order; a bare article is dropped when the same article also comes with a part. */
function uniqueRefs(refs: readonly ArticleCharge[]): ArticleCharge[] {
  const out: ArticleCharge[] = [];
  for (const r of refs) {
    if (out.some((o) => o.article === r.article && o.part === r.part)) continue;
    if (r.part === null && refs.some((o) => o.article === r.article && o.part !== null)) continue;
    out.push({ article: r.article, part: r.part });
  }
  return out;
}

/**
 * The verdict date: a date in the punishment's sentence (closest to the punishment), else in the
 * court's sentence when it reports a decision, else in a later sentence of the same story (up to
 * `spanEnd`, where the next verdict's story begins) that reports one («Приговор вынесен 3 марта»).
 */
function clusterDate(c: Cluster, facts: SentenceFacts[], publishedAt: string | null): string | null {
  const pick = (i: number | null, near: number | null): string | null => {
    if (i === null) return null;
    const dates = findDates(facts[i]!.s.text, publishedAt);
    if (dates.length === 0) return null;
    if (near === null) return dates[0]!.date;
    return [...dates].sort((a, b) => Math.abs(a.index - near) - Math.abs(b.index - near))[0]!.date;
  };
  const fromTerm = pick(c.termSentence, c.term?.index ?? null);
  if (fromTerm) return fromTerm;
  if (c.courtSentence !== null && facts[c.courtSentence]!.verdictCue) {
    const fromCourt = pick(c.courtSentence, c.court?.index ?? null);
    if (fromCourt) return fromCourt;
  }
  for (let i = c.sentences[0]!; i < c.spanEnd; i++) {
    if (i === c.termSentence || i === c.courtSentence || !facts[i]!.verdictCue) continue;
    const d = pick(i, null);
    if (d) return d;
  }
  return null;
}

function sameTerm(a: SentenceTerm, b: SentenceTerm): boolean {
  return (
    a.years === b.years &&
    a.months === b.months &&
    a.suspended === b.suspended &&
    (a.fineRub === null || b.fineRub === null || a.fineRub === b.fineRub)
  );
}

function articlesCompatible(a: readonly ArticleCharge[], b: readonly ArticleCharge[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => x.article === y.article && (x.part === null || y.part === null || x.part === y.part)));
}

/**
 * One verdict is often told twice (the lead and the body): mentions of the same court with the
 * same (or no) sentence, or of an unnamed court with the same sentence, are merged.
 */
function mergeMentions(mentions: NewsMention[]): NewsMention[] {
  const out: NewsMention[] = [];
  for (const m of mentions) {
    const into = out.find((o) => {
      const sameCode = o.court !== null && o.court === m.court;
      const oneUnnamed = o.court === null || m.court === null;
      const namesDiffer = o.court === null && m.court === null && o.courtName !== null && m.courtName !== null && o.courtName !== m.courtName;
      const bothTerms = o.sentence !== null && m.sentence !== null;
      const termsOk = !bothTerms || sameTerm(o.sentence!, m.sentence!);
      if (!termsOk || !articlesCompatible(o.articles, m.articles) || namesDiffer) return false;
      if (sameCode) return true;
      return oneUnnamed && (o.court === null || m.court === null) && bothTerms && (o.court === null) !== (m.court === null);
    });
    if (!into) {
      out.push(m);
      continue;
    }
    if (into.court === null && m.court !== null) {
      into.court = m.court;
      into.courtName = m.courtName;
    }
    if (!into.sentence && m.sentence) {
      into.sentence = m.sentence;
      into.quote = m.quote;
    } else if (into.sentence && m.sentence) {
      into.sentence = {
        ...into.sentence,
        fineRub: into.sentence.fineRub ?? m.sentence.fineRub,
        regime: into.sentence.regime ?? m.sentence.regime,
      };
    }
    into.articles = uniqueRefs([...into.articles, ...m.articles]);
    into.date ??= m.date;
  }
  return out;
}
