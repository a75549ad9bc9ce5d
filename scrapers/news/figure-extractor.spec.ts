import { describe, expect, it } from '@jest/globals';
import { extractFigures } from './figure-extractor.js';
import { splitSentences } from './sentence-splitter.js';

const figures = (text: string, pub = '2026-05-15T10:00:00Z') =>
  extractFigures(splitSentences(text), pub).map((f) => [f.value, f.unit, f.counts, f.period]);

describe('extractFigures', () => {
  // Wording from the published figures (shared/data/figures/published_figures.csv).
  it.each([
    ['К июню военные суды в России выносили по 100 приговоров по 337 УК каждую неделю.', [[100, 'per-week', 'sentences', null]]],
    ['Courts handed down at least 100 deserters every week so far in 2023.', [[100, 'per-week', 'people', null]]],
    ['In March 2024 courts passed 684 sentences under Article 337 (34 per working day).', [[684, 'per-month', 'sentences', '2024-03'], [34, 'per-working-day', 'sentences', null]]],
    ['В апреле 2025 года военные суды вынесли 848 приговоров по 337-й статье — 38 в рабочий день.', [[848, 'per-month', 'sentences', '2025-04'], [38, 'per-working-day', 'sentences', null]]],
    ['В первом полугодии 2023 года в военные суды поступило 2 076 дел по 337-й статье.', [[2076, 'total', 'cases', null]]],
    ['Since mobilisation, 4,121 AWOL cases have reached military courts.', [[4121, 'total', 'cases', null]]],
    ['Пик пришелся на август 2023 года: тогда по 337-й статье вынесли 457 приговоров за месяц.', [[457, 'per-month', 'sentences', null]]],
    ['В марте суды вынесли 684 приговора по делам о СОЧ.', [[684, 'per-month', 'sentences', '2026-03']]],
    ['К концу апреля 2024 года выносилось 34–35 приговоров по 337-й статье в день.', [[35, 'per-day', 'sentences', null]]],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it.each([
    'Курский гарнизонный военный суд 12 мая приговорил 27-летнего рядового к 5 годам по ч. 5 ст. 337 УК.',
    'Суд назначил ему штраф 100 тысяч рублей по ст. 337.',
    'На акцию пришли около 200 человек, полиция задержала 12 из них.',
    'Фестиваль продлится неделю; в программе 40 фильмов.',
    'Суд приговорил двух военнослужащих по ст. 337.',
  ])('no figure in: %s', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('quotes the sentence the figure comes from', () => {
    const text = 'Это важно. К июню военные суды выносили по 100 приговоров по 337 УК каждую неделю. Конец.';
    expect(extractFigures(splitSentences(text))[0]!.quote).toBe('К июню военные суды выносили по 100 приговоров по 337 УК каждую неделю.');
  });
});
