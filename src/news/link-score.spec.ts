import { describe, expect, it } from '@jest/globals';
import { scoreLink, type CaseFacts, type MentionFacts } from './link-score.js';

const mention: MentionFacts = {
  court: '77GV0020',
  articles: [{ article: '337', part: '5' }],
  sentence: { years: 5, months: 0, suspended: false, fineRub: null, regime: 'colony-general' },
  date: '2023-03-14',
};
const kase: CaseFacts = {
  courtCode: '77GV0020',
  decidedOn: '2023-03-14',
  convicted: true,
  charges: [{ article: '337', part: '5' }],
  results: 'Вынесен ПРИГОВОР Лишение свободы',
};

describe('scoreLink', () => {
  it('gives full confidence when court, article and part, date and sentence agree', () => {
    expect(scoreLink(mention, kase, 7)).toEqual({
      confidence: 1,
      dateGapDays: 0,
      reasons: { court: 0.35, article: 0.3, date: 0.25, sentence: 0.1, notes: [] },
    });
  });

  it('lowers confidence with the distance in days, and refuses beyond the window', () => {
    const near = scoreLink(mention, { ...kase, decidedOn: '2023-03-16' }, 7)!;
    expect(near.dateGapDays).toBe(2);
    expect(near.confidence).toBeLessThan(1);
    expect(near.confidence).toBeGreaterThan(0.9);
    expect(scoreLink(mention, { ...kase, decidedOn: '2023-03-22' }, 7)).toBeNull();
  });

  it('needs the same court, a date, and a shared article', () => {
    expect(scoreLink({ ...mention, court: '77GV0021' }, kase, 7)).toBeNull();
    expect(scoreLink({ ...mention, court: null }, kase, 7)).toBeNull();
    expect(scoreLink({ ...mention, date: null }, kase, 7)).toBeNull();
    expect(scoreLink({ ...mention, articles: [{ article: '338', part: '1' }] }, kase, 7)).toBeNull();
    expect(scoreLink({ ...mention, articles: [{ article: '337.1', part: '1' }] }, kase, 7)).toBeNull();
  });

  it('scores a missing or different part below an exact one', () => {
    const noPart = scoreLink({ ...mention, articles: [{ article: '337', part: null }] }, kase, 7)!;
    const otherPart = scoreLink({ ...mention, articles: [{ article: '337', part: '2.1' }] }, kase, 7)!;
    expect(noPart.reasons.article).toBe(0.2);
    expect(otherPart.reasons.article).toBe(0.05);
    expect(otherPart.reasons.notes).toContain('the part differs');
    expect(scoreLink({ ...mention, articles: [] }, kase, 7)!.reasons.article).toBe(0.1);
  });

  it('checks the sentence against the outcome, the article maximum and a suspended term on the site', () => {
    expect(scoreLink(mention, { ...kase, convicted: false }, 7)!.reasons.sentence).toBe(0);
    const tooLong = { ...mention, articles: [{ article: '337', part: '2.1' }], sentence: { ...mention.sentence!, years: 9 } };
    expect(scoreLink(tooLong, { ...kase, charges: [{ article: '337', part: '2.1' }] }, 7)!.reasons.sentence).toBe(0.02);
    expect(scoreLink(mention, { ...kase, results: 'Наказание в виде лишения свободы условно' }, 7)!.reasons.sentence).toBe(0.05);
    expect(scoreLink({ ...mention, sentence: null }, kase, 7)!.reasons.sentence).toBe(0.05);
  });
});
