import { describe, it, expect } from '@jest/globals';
import { classifyOutcome } from './outcome.js';

describe('classifyOutcome', () => {
  it.each([
    ['Вынесен ПРИГОВОР', 'conviction'],
    ['Вынесен ПРИГОВОР\nЛишение свободы условно', 'conviction'],
    ['Постановлен ПРИГОВОР', 'conviction'],
    ['Вынесен оправдательный приговор', 'acquittal'],
    ['Вынесен ПРИГОВОР (ОПРАВДАТЕЛЬНЫЙ)', 'acquittal'],
    ['Уголовное дело ПРЕКРАЩЕНО\nназначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)', 'terminated'],
    ['Производство по делу прекращено', 'terminated'],
    ['Возвращено прокурору или руководителю следственного органа', 'returned'],
    ['Дело возвращено прокурору', 'returned'],
    ['Направлено по подсудности', 'transferred'],
    ['Передано по подсудности (подведомственности)', 'transferred'],
    ['Дело передано в другой суд', 'transferred'],
    ['Соединено с другим делом', 'merged'],
    ['Уголовные дела соединены в одно производство', 'merged'],
    ['ПРИГОВОР оставлен БЕЗ ИЗМЕНЕНИЯ', 'other'],
    ['Отменено с направлением на новое рассмотрение', 'other'],
    ['Жалоба / представление ОСТАВЛЕНО БЕЗ УДОВЛЕТВОРЕНИЯ', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, outcome) => {
    expect(classifyOutcome(text)).toBe(outcome);
  });

  it('reads null as other', () => {
    expect(classifyOutcome(null)).toBe('other');
  });
});
