import { describe, expect, it } from 'vitest';
import { correctQuery, correctWord, editDistance } from '@/lib/catalog/typo';

const vocabulary = new Map([
  ['jacket', 12],
  ['jackets', 3],
  ['wool', 9],
  ['jumper', 7],
  ['waxed', 2],
  ['mug', 4],
  ['enamel', 3],
]);

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit', () => {
    expect(editDistance('jacket', 'jacket')).toBe(0);
    expect(editDistance('jaket', 'jacket')).toBe(1);
    expect(editDistance('jackte', 'jacket')).toBe(1);
    expect(editDistance('jumpre', 'jumper')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops early once past the limit', () => {
    expect(editDistance('blanket', 'jumper', 2)).toBe(3);
  });
});

describe('correctQuery', () => {
  it('replaces misspelt words with the closest catalog word', () => {
    expect(correctQuery('wol jumpr', vocabulary)).toBe('wool jumper');
    expect(correctQuery('Waxd Jaket', vocabulary)).toBe('waxed jacket');
  });

  it('prefers the more common word on a tie', () => {
    expect(correctWord('jackes', vocabulary)).toBe('jacket');
  });

  it('returns null when every word is known or nothing is close', () => {
    expect(correctQuery('wool jumper', vocabulary)).toBeNull();
    expect(correctQuery('xylophone', vocabulary)).toBeNull();
    expect(correctQuery('ab', vocabulary)).toBeNull();
  });
});
