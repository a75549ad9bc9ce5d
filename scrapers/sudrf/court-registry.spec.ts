import { describe, it, expect } from '@jest/globals';
import { courtBaseUrl, courtInstances, findCourt, militaryCourts } from './court-registry.js';

describe('militaryCourts', () => {
  it('holds 111 courts: 100 garrison, 9 okrug/fleet, one appeal, one cassation', () => {
    expect(militaryCourts).toHaveLength(111);
    const count = (level: string) => militaryCourts.filter((c) => c.level === level).length;
    expect(count('garrison')).toBe(100);
    expect(count('okrug')).toBe(9);
    expect(count('appeal')).toBe(1);
    expect(count('cassation')).toBe(1);
    expect(new Set(militaryCourts.map((c) => c.code)).size).toBe(111);
  });

  it('keeps the dash spelling first and skips missing spellings', () => {
    expect(findCourt('63GV0001')).toEqual({
      code: '63GV0001',
      name: 'Самарский гарнизонный военный суд',
      level: 'garrison',
      hosts: ['gvs--sam.sudrf.ru', 'gvs.sam.sudrf.ru'],
      region: '63',
      captcha: false,
      form: 'vnkod',
    });
    expect(findCourt('50AV0000')).toMatchObject({ level: 'appeal', hosts: ['vap.sudrf.ru'] });
    expect(findCourt('77OV0000')).toMatchObject({ level: 'okrug', hosts: ['2zovs.msk.sudrf.ru'] });
    expect(findCourt('54KV0000')).toMatchObject({ level: 'cassation', hosts: ['vkas.sudrf.ru'], captcha: false });
    for (const c of militaryCourts) expect(c.hosts.length).toBeGreaterThan(0);
  });

  it('flags captcha from either source and the vnkod search form', () => {
    expect(militaryCourts.filter((c) => c.captcha)).toHaveLength(17);
    expect(findCourt('77GV0012')).toMatchObject({ captcha: true, form: 'vnkod' });
    expect(
      militaryCourts
        .filter((c) => c.form === 'vnkod')
        .map((c) => c.code)
        .sort(),
    ).toEqual(['27GV0003', '27GV0005', '27GV0006', '63GV0001', '63GV0007', '77GV0011', '77GV0012']);
  });

  it('uses two-digit region codes from the dataout list', () => {
    expect(findCourt('61GV0010')?.region).toBe('01');
    expect(findCourt('31GV0014')?.region).toBe('95');
    for (const c of militaryCourts) expect(c.region).toMatch(/^\d{2}$/);
  });

  it('finds courts case-insensitively and returns undefined for unknown codes', () => {
    expect(findCourt('63gv0001')?.code).toBe('63GV0001');
    expect(findCourt('99GV9999')).toBeUndefined();
  });

  it('builds the site root and the instances a court lists', () => {
    expect(courtBaseUrl(findCourt('63GV0001')!)).toBe('https://gvs--sam.sudrf.ru/');
    expect(courtInstances(findCourt('63GV0001')!)).toEqual(['first']);
    expect(courtInstances(findCourt('61OV0000')!)).toEqual(['first', 'appeal']);
    expect(courtInstances(findCourt('54KV0000')!)).toEqual(['cassation']);
  });
});
