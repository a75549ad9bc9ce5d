// Extraction quality on the news article fixtures: runs extractArticleText + extractMentions on
// each page under scrapers/news/fixtures/articles and scores the result against its hand-written
// X.expected.json. Precision and recall are counted over multisets per fixture:
//   court    — the registry codes of the mentions;
//   article  — (court, article, part) for each article of each mention;
//   sentence — (court, years, months, suspended, fine) of each mention with a sentence;
//   date, figure — (court, date) and (value, unit, period), reported alongside.
// Last line: {"name":"news-extract","court":{"precision":…,"recall":…},"article":{…},"sentence":{…},…}
import {
  listFixtures,
  runArticleFixture,
  type ArticleExpectation,
  type ExpectedMention,
} from '../scrapers/news/fixtures/news-fixtures.js';
import type { PublishedFigure } from '../scrapers/news/types.js';

type Key = (m: ExpectedMention) => string[];

const keys: Record<'court' | 'article' | 'sentence' | 'date', Key> = {
  court: (m) => (m.court ? [m.court] : []),
  article: (m) => m.articles.map((a) => `${m.court ?? '-'}|${a.article}|${a.part ?? '-'}`),
  sentence: (m) =>
    m.sentence ? [`${m.court ?? '-'}|${m.sentence.years}y${m.sentence.months}m|${m.sentence.suspended ? 'susp' : 'real'}|${m.sentence.fineRub ?? '-'}`] : [],
  date: (m) => (m.date ? [`${m.court ?? '-'}|${m.date}`] : []),
};
const figureKey = (f: PublishedFigure): string => `${f.value}|${f.unit}|${f.period ?? '-'}`;

interface Tally {
  tp: number;
  predicted: number;
  expected: number;
}

/** Multiset intersection size. */
function overlap(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of b) {
    const c = left.get(x) ?? 0;
    if (c > 0) {
      n++;
      left.set(x, c - 1);
    }
  }
  return n;
}

const tallies: Record<string, Tally> = {};
const add = (metric: string, predicted: string[], expected: string[], fixture: string): void => {
  const t = (tallies[metric] ??= { tp: 0, predicted: 0, expected: 0 });
  const tp = overlap(predicted, expected);
  t.tp += tp;
  t.predicted += predicted.length;
  t.expected += expected.length;
  if (tp < predicted.length || tp < expected.length) {
    const extra = predicted.filter((p) => !expected.includes(p));
    const missed = expected.filter((e) => !predicted.includes(e));
    console.log(`  ${fixture} ${metric}: extra ${JSON.stringify(extra)} missed ${JSON.stringify(missed)}`);
  }
};

const fixtures = listFixtures<ArticleExpectation>('articles');
let mentions = 0;
const started = performance.now();
for (const fx of fixtures) {
  if (!fx.expected) throw new Error(`${fx.name}: missing expected JSON`);
  const out = runArticleFixture(fx);
  mentions += fx.expected.mentions.length;
  for (const [metric, key] of Object.entries(keys)) {
    add(metric, out.mentions.flatMap(key), fx.expected.mentions.flatMap(key), fx.name);
  }
  add('figure', out.figures.map(figureKey), fx.expected.figures.map(figureKey), fx.name);
}
const ms = performance.now() - started;

const round = (x: number): number => Math.round(x * 1000) / 1000;
const score = (t: Tally) => ({
  precision: round(t.predicted === 0 ? 1 : t.tp / t.predicted),
  recall: round(t.expected === 0 ? 1 : t.tp / t.expected),
  tp: t.tp,
  predicted: t.predicted,
  expected: t.expected,
});

console.log(`fixtures: ${fixtures.length} article pages, ${mentions} expected mentions, ${round(ms / fixtures.length)} ms/page`);
for (const [metric, t] of Object.entries(tallies)) {
  const s = score(t);
  console.log(`${metric.padEnd(8)} precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (${s.tp} of ${s.predicted} found, ${s.expected} expected)`);
}
console.log(
  JSON.stringify({
    name: 'news-extract',
    fixtures: fixtures.length,
    mentions,
    court: score(tallies['court']!),
    article: score(tallies['article']!),
    sentence: score(tallies['sentence']!),
    date: score(tallies['date']!),
    figure: score(tallies['figure']!),
  }),
);
