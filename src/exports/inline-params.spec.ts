import { describe, expect, it } from '@jest/globals';
import { inlineParams } from './inline-params.js';

describe('inlineParams', () => {
  it('replaces each placeholder with an escaped literal', () => {
    expect(inlineParams({ text: 'SELECT $1::text, $2, $10, $3::text[], $4', values: ["O'Brien", 5, null, ['a', "b'c"], true, 0, 0, 0, 0, 'x'] }))
      .toBe(`SELECT 'O''Brien'::text, 5, 'x', NULL::text[], ARRAY['a', 'b''c']::text[]`);
  });

  it('escapes backslashes the way Postgres reads them', () => {
    expect(inlineParams({ text: 'SELECT $1', values: ['a\\b'] })).toBe(`SELECT  E'a\\\\b'`);
  });

  it('refuses a placeholder without a value', () => {
    expect(() => inlineParams({ text: 'SELECT $2', values: [1] })).toThrow(RangeError);
  });
});
