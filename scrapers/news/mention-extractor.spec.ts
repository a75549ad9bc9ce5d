import { describe, expect, it } from '@jest/globals';
import { militaryCourts } from '../sudrf/court-registry.js';
import { CourtMatcher } from './court-matcher.js';
import { extractMentions } from './mention-extractor.js';

const PUB = '2026-05-15T09:00:00Z';
const brief = (text: string, publishedAt: string | null = PUB) =>
  extractMentions(text, { publishedAt }).mentions.map((m) => ({
    court: m.court,
    articles: m.articles.map((a) => `${a.article}${a.part ? `/${a.part}` : ''}`),
    sentence: m.sentence ? `${m.sentence.years}y${m.sentence.months}m${m.sentence.suspended ? ' susp' : ''}${m.sentence.fineRub ? ` fine ${m.sentence.fineRub}` : ''}` : null,
    date: m.date,
  }));

describe('extractMentions', () => {
  it('gives two defendants of one court in one sentence a mention each', () => {
    expect(brief('Курский гарнизонный военный суд 12 мая приговорил рядового А. к 5 годам колонии, а рядового Б. — к 3 годам условно по ч. 5 ст. 337 УК.')).toEqual([
      { court: '77GV0020', articles: ['337/5'], sentence: '5y0m', date: '2026-05-12' },
      { court: '77GV0020', articles: ['337/5'], sentence: '3y0m susp', date: '2026-05-12' },
    ]);
  });

  it('joins a punishment to the court named in the next sentence', () => {
    expect(brief('Мобилизованного приговорили к шести годам колонии за самовольное оставление части. Приговор вынес Самарский гарнизонный военный суд.')).toEqual([
      { court: '63GV0001', articles: ['337'], sentence: '6y0m', date: null },
    ]);
  });

  it('merges the same verdict told in the lead and in the body', () => {
    const text = 'Мобилизованного осудили на пять лет за СОЧ.\n\nКурский гарнизонный военный суд 12 мая приговорил рядового к пяти годам колонии общего режима по ч. 5 ст. 337 УК.';
    expect(brief(text)).toEqual([{ court: '77GV0020', articles: ['337/5'], sentence: '5y0m', date: '2026-05-12' }]);
  });

  it('keeps a verdict of an unnamed court when the charges are the tracked ones', () => {
    expect(brief('Суд приговорил контрактника к 4 годам колонии по ч. 5 ст. 337 УК.')).toEqual([
      { court: null, articles: ['337/5'], sentence: '4y0m', date: null },
    ]);
  });

  it('leaves out punishments that have nothing to do with military courts or the tracked articles', () => {
    expect(brief('Ленинский районный суд оштрафовал активистку на 30 тысяч рублей по ч. 1 ст. 20.3.3 КоАП.')).toEqual([]);
    expect(brief('Суд приговорил его к 3 годам колонии за кражу (ч. 2 ст. 158 УК).')).toEqual([]);
  });

  it('dates «в тот же день» and «днём позже» by the verdict before', () => {
    const text =
      'Курский гарнизонный военный суд 20 апреля приговорил сержанта к 2 годам колонии по ч. 5 ст. 337 УК.\n\n' +
      'В тот же день Брянский гарнизонный военный суд приговорил рядового к году колонии-поселения по ч. 3.1 ст. 337 УК.\n\n' +
      'Днём позже Смоленский гарнизонный военный суд приговорил ефрейтора к 3 годам условно по ч. 5 ст. 337 УК.';
    expect(brief(text).map((m) => [m.court, m.date])).toEqual([
      ['77GV0020', '2026-04-20'],
      ['77GV0018', '2026-04-20'],
      ['77GV0021', '2026-04-21'],
    ]);
  });

  it('gives an appeal court the charges of the verdict it reviews', () => {
    const text =
      'Курский гарнизонный военный суд приговорил рядового Ивана Заречного к 5 годам колонии по ч. 5 ст. 337 УК. ' +
      'Брянский гарнизонный военный суд приговорил рядового Петра Лугового к 2 годам условно по ч. 3.1 ст. 337 УК.\n\n' +
      'Защита Заречного обжаловала приговор, но 2-й Западный окружной военный суд оставил его без изменения.';
    expect(brief(text).map((m) => [m.court, m.articles, m.sentence])).toEqual([
      ['77GV0020', ['337/5'], '5y0m'],
      ['77GV0018', ['337/3.1'], '2y0m susp'],
      ['77OV0000', ['337/5'], null],
    ]);
  });

  it('reads English reports', () => {
    expect(brief('On May 12, the Perm Garrison Military Court sentenced a mobilized soldier to three years in a penal colony for going AWOL.')).toEqual([
      { court: '63GV0006', articles: ['337'], sentence: '3y0m', date: '2026-05-12' },
    ]);
  });

  it('takes a court list to match against', () => {
    const courts = new CourtMatcher(militaryCourts.filter((c) => c.code !== '77GV0020'));
    const out = extractMentions('Курский гарнизонный военный суд приговорил рядового к 5 годам по ч. 5 ст. 337 УК.', { courts });
    expect(out.mentions.map((m) => [m.court, m.courtName])).toEqual([[null, 'Курский гарнизонный военный суд']]);
  });

  it.each([
    ['number words', 'два три четыре пять '.repeat(2000)],
    ['abbreviations', 'ч. 5, '.repeat(5000)],
    ['capitalised words', 'Alpha '.repeat(8000)],
    ['digit groups', '100 000 '.repeat(5000)],
  ])('stays fast on pathological input (%s)', (_name, text) => {
    const t = performance.now();
    extractMentions(text);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('returns nothing for an empty text', () => {
    expect(extractMentions('')).toEqual({ mentions: [], figures: [] });
  });
});
