import { describe, expect, it } from '@jest/globals';
import { findSentenceTerms } from './sentence-term-extractor.js';
import type { SentenceTerm } from './types.js';

const term = (years: number, months: number, extra: Partial<SentenceTerm> = {}): SentenceTerm => ({
  years,
  months,
  suspended: false,
  fineRub: null,
  regime: null,
  ...extra,
});
const terms = (s: string): SentenceTerm[] => findSentenceTerms(s).map((h) => h.term);

describe('findSentenceTerms', () => {
  it.each([
    ['Суд приговорил его к 5 годам колонии общего режима.', [term(5, 0, { regime: 'colony-general' })]],
    ['Он получил 5 лет колонии общего режима.', [term(5, 0, { regime: 'colony-general' })]],
    ['Суд приговорил его к пяти годам и шести месяцам лишения свободы.', [term(5, 6)]],
    ['приговорил к двум с половиной годам колонии-поселения', [term(2, 6, { regime: 'colony-settlement' })]],
    ['получил два с половиной года', [term(2, 6)]],
    ['приговорил к полутора годам содержания в дисциплинарной воинской части', [term(1, 6, { regime: 'disciplinary-unit' })]],
    ['приговорил к 2,5 года заключения', [term(2, 6)]],
    ['приговорил к году колонии-поселения', [term(1, 0, { regime: 'colony-settlement' })]],
    ['приговорил к 8 месяцам колонии-поселения', [term(0, 8, { regime: 'colony-settlement' })]],
    ['назначил наказание в виде 4 лет 2 месяцев лишения свободы', [term(4, 2)]],
    ['получил 18 месяцев колонии', [term(1, 6)]],
    ['приговорил к 2 годам лишения свободы условно с испытательным сроком 3 года', [term(2, 0, { suspended: true })]],
    ['приговорил к условному сроку в три года', [term(3, 0, { suspended: true })]],
    ['получил три года условно', [term(3, 0, { suspended: true })]],
    ['приговорил к 3 годам колонии строгого режима и штрафу 100 тысяч рублей', [term(3, 0, { regime: 'colony-strict', fineRub: 100000 })]],
    ['оштрафовал военнослужащего на 50 тыс. рублей', [term(0, 0, { fineRub: 50000 })]],
    ['назначил штраф в размере 200 000 рублей', [term(0, 0, { fineRub: 200000 })]],
    ['Иванова приговорили к 5 годам колонии, а Петрова — к 3 годам условно.', [term(5, 0), term(3, 0, { suspended: true })]],
    ['sentenced him to five years in a penal colony', [term(5, 0)]],
    ['sentenced to 2 years and 6 months in a general-regime penal colony', [term(2, 6, { regime: 'colony-general' })]],
    ['jailed for two and a half years', [term(2, 6)]],
    ['received a two-year suspended sentence', [term(2, 0, { suspended: true })]],
    ['gave him a suspended sentence of three years', [term(3, 0, { suspended: true })]],
    ['was fined 100,000 rubles', [term(0, 0, { fineRub: 100000 })]],
  ])('%s', (sentence, expected) => {
    expect(terms(sentence)).toEqual(expected);
  });

  it.each([
    'Прокурор просил для него шесть лет колонии.',
    'Гособвинение запрашивало семь лет лишения свободы.',
    'Ему грозит до десяти лет лишения свободы.',
    'Санкция статьи предусматривает до 10 лет.',
    'Он отсутствовал в части более трех месяцев.',
    '27-летний рядовой вернулся из отпуска.',
    'Он прослужил по контракту два года.',
    'В 2024 году он подписал контракт на год.',
    'Prosecutors had asked for four years.',
    'He faces up to ten years in prison.',
    'The 24-year-old soldier was absent for five months.',
    'Адвокат сообщил, что он уже выплатил штраф.',
  ])('no sentence in: %s', (sentence) => {
    expect(terms(sentence)).toEqual([]);
  });
});
