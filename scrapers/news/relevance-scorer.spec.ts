import { describe, expect, it } from '@jest/globals';
import { isRelevant, scoreRelevance } from './relevance-scorer.js';

describe('scoreRelevance', () => {
  it.each([
    ['Курский гарнизонный военный суд приговорил мобилизованного', ['гарнизонный военный суд', 'военнослужащий', 'приговор']],
    ['Осужден по ч. 5 ст. 337 УК', ['ст. 337', 'приговор']],
    ['Дело о самовольном оставлении части', ['самовольное оставление части']],
    ['Приговоры по делам о СОЧ', ['СОЧ', 'приговор']],
    ['Контрактника осудили за дезертирство', ['дезертирство', 'военнослужащий', 'приговор']],
    ['Матрос отказался от исполнения приказа', ['отказ от исполнения приказа']],
    ['Осужден по ч. 2.1 ст. 332 УК', ['ст. 332', 'приговор']],
    ['Soldier who went AWOL sentenced by a garrison court', ['AWOL', 'military court', 'soldier', 'sentenced']],
    ['How military courts punish desertion', ['desertion', 'military court']],
    ['Sentenced under Part 5 of Article 337', ['Article 337', 'sentenced']],
  ])('%s', (title, terms) => {
    const r = scoreRelevance({ title });
    expect(r.relevant).toBe(true);
    expect(r.terms).toEqual(terms);
  });

  it.each([
    'В Сочи открылся кинофестиваль',
    'СОЧИ: итоги фестиваля',
    'Экипаж военного судна спас рыбаков',
    'Мобилизованный вернулся домой',
    'Ленинский районный суд оштрафовал активистку',
    'Deserted streets of the old town',
    'Roskomnadzor blocks another VPN',
  ])('not relevant: %s', (title) => {
    expect(isRelevant({ title })).toBe(false);
  });

  it('reads the summary, content and categories too', () => {
    expect(isRelevant({ title: 'Приговор', summary: 'по ч. 5 ст. 337 УК' })).toBe(true);
    expect(isRelevant({ title: 'Новости', content: 'военным судом' })).toBe(true);
    expect(isRelevant({ title: 'Новости', categories: ['Самоволка'] })).toBe(true);
  });
});
