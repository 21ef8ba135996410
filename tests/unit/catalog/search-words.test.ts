import { describe, expect, it } from 'vitest';
import { planSearch, planTsQuery, type SearchVocabulary } from '@/lib/catalog/search-words';
import { buildSpellIndex, correctWord, correctWordIndexed } from '@/lib/catalog/typo';

const words = new Map([
  ['jumper', 7],
  ['jacket', 12],
  ['wool', 9],
  ['trainers', 3],
  ['trousers', 4],
  ['cord', 2],
  ['waxed', 2],
  ['the', 20],
]);
const vocabulary: SearchVocabulary = {
  spell: buildSpellIndex(words),
  colors: new Map(['Navy', 'Heather Grey', 'Forest'].map((c) => [c.toLowerCase(), c])),
  sizes: new Map(['XS', 'S', 'M', 'L', 'XL', '9', '32', 'One size'].map((s) => [s.toLowerCase(), s])),
};

describe('planSearch', () => {
  it('reads colour and size words as filters and the rest as text', () => {
    expect(planSearch('Navy jumper', vocabulary)).toMatchObject({
      terms: [['jumper', 'sweater', 'pullover']],
      colors: ['Navy'],
      sizes: [],
    });
    expect(planSearch('heather grey wool jumper in medium', vocabulary)).toMatchObject({
      colors: ['Heather Grey'],
      sizes: ['M'],
    });
    expect(planSearch('trainers size 9', vocabulary)).toMatchObject({ sizes: ['9'], colors: [] });
    expect(planSearch('cord trousers waist 32', vocabulary).sizes).toEqual(['32']);
    expect(planSearch('extra large jacket', vocabulary).sizes).toEqual(['XL']);
  });

  it('matches common synonyms both ways', () => {
    expect(planTsQuery(planSearch('navy sweater', vocabulary))).toBe('(jumper | sweater | pullover)');
    expect(planTsQuery(planSearch('sneakers', vocabulary))).toBe('(trainers | sneakers | trainer | sneaker)');
    expect(planTsQuery(planSearch('cord pants', vocabulary))).toBe('(cord) & (trousers | pants | trouser)');
  });

  it('leaves out words with no meaning in a search', () => {
    expect(planSearch('jumper in navy for the winter', vocabulary)).toMatchObject({
      colors: ['Navy'],
      terms: [['jumper', 'sweater', 'pullover'], ['winter']],
    });
    expect(planSearch('the navy one', vocabulary).terms).toEqual([['one']]);
  });

  it("does not read a possessive 's as the size S", () => {
    expect(planSearch("men's jacket", vocabulary).sizes).toEqual([]);
  });

  it('is known (cacheable) only when every word is a catalog word, colour or size', () => {
    expect(planSearch('navy jumper', vocabulary).known).toBe(true);
    expect(planSearch('jackets', vocabulary)).toMatchObject({ known: true, terms: [['jacket']] });
    expect(planSearch('navy jumpr', vocabulary).known).toBe(false);
    expect(planSearch('zeppelin', vocabulary).known).toBe(false);
  });

  it('respells unknown words only when asked, and says how it read the query', () => {
    expect(planSearch('wol jumpr', vocabulary)).toMatchObject({ corrected: null, terms: [['jumpr'], ['wol']] });
    expect(planSearch('navy wol jumpr', vocabulary, { correct: true })).toMatchObject({
      corrected: 'navy wool jumper',
      known: true,
      colors: ['Navy'],
    });
    expect(planSearch('xylophone', vocabulary, { correct: true }).corrected).toBeNull();
  });

  it('can ask for the words in names, categories and tags only', () => {
    expect(planTsQuery(planSearch('wool jumper', vocabulary), { titles: true })).toBe('(jumper:AB | sweater:AB | pullover:AB) & (wool:AB)');
  });

  it('keeps only letters and digits in the text query', () => {
    expect(planTsQuery(planSearch("jacket' & !wool | (", vocabulary))).toBe('(jacket) & (wool)');
  });
});

describe('spelling index', () => {
  it('gives the same corrections as a pass over the whole vocabulary', () => {
    const index = buildSpellIndex(words);
    for (const typo of ['jumpr', 'jakcet', 'wol', 'trainres', 'trosuers', 'waxd', 'jacketz', 'xylophone', 'ab', 'jumperss'])
      expect(correctWordIndexed(typo, index)).toBe(correctWord(typo, words));
  });
});
