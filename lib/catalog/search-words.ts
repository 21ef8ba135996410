import { correctWordIndexed, type SpellIndex } from './typo';

// What a shopper's search words mean to the catalog: colour and size words narrow the results to those variants,
// the rest are text, each with its common synonyms, spelt as the catalog spells them where it can be told.

// Words shoppers use for the same thing (British and American English, plurals the stemmer already handles aside).
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['jumper', 'sweater', 'pullover'],
  ['trainers', 'sneakers', 'trainer', 'sneaker'],
  ['trousers', 'pants', 'trouser'],
  ['tee', 'tshirt'],
  ['hoodie', 'hoody'],
  ['mac', 'raincoat'],
];
const SYNONYMS = new Map<string, readonly string[]>(SYNONYM_GROUPS.flatMap((group) => group.map((word) => [word, group] as const)));

// Size words as shoppers type them, to the catalog's spelling of the size.
const SIZE_WORDS = new Map([
  ['xxs', 'xxs'],
  ['xs', 'xs'],
  ['small', 's'],
  ['medium', 'm'],
  ['large', 'l'],
  ['xl', 'xl'],
  ['xxl', 'xxl'],
]);
// Words that carry no meaning in a product search ("jumper in navy" is "navy jumper").
const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'for', 'with', 'in', 'of', 'on', 'to', 'my', 'some', 'please']);
// Words after which a number is a size ("size 9", "uk 9", "waist 32").
const SIZE_LEADERS = new Set(['size', 'uk', 'waist']);

// The catalog's words, colours and sizes, prepared once (search-vocabulary.ts).
export type SearchVocabulary = {
  spell: SpellIndex;
  colors: ReadonlyMap<string, string>; // lower case → as the catalog spells it ("heather grey" → "Heather Grey")
  sizes: ReadonlyMap<string, string>;
};

export type SearchPlan = {
  // Each entry is one word of the query with its synonyms: a product matches when it matches every entry.
  terms: string[][];
  colors: string[];
  sizes: string[];
  // The query as understood (colours and sizes included), when a word had to be respelt; otherwise null.
  corrected: string | null;
  // Every word is a catalog word, colour or size: the plan is one of a bounded set, safe to use as a cache key.
  known: boolean;
};

export const MAX_QUERY_WORDS = 8;

export function tokenize(query: string): string[] {
  // "men's" is one word, not "men" and the size S.
  return (
    query
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_QUERY_WORDS * 2);
}

// The catalog word a query word stands for: itself, its singular, or (when correcting) the closest catalog word;
// null when none is known.
function knownWord(word: string, vocabulary: SearchVocabulary, correct: boolean): { word: string; respelt: boolean } | null {
  const { words } = vocabulary.spell;
  if (words.has(word) || SYNONYMS.has(word)) return { word, respelt: false };
  for (const singular of [word.replace(/es$/, ''), word.replace(/s$/, '')])
    if (singular !== word && words.has(singular)) return { word: singular, respelt: false };
  if (!correct || /^\d+$/.test(word)) return null;
  const corrected = correctWordIndexed(word, vocabulary.spell);
  return corrected === word ? null : { word: corrected, respelt: true };
}

function matchColor(tokens: string[], at: number, colors: ReadonlyMap<string, string>): { color: string; length: number } | null {
  const two = at + 1 < tokens.length ? colors.get(`${tokens[at]} ${tokens[at + 1]}`) : undefined;
  if (two) return { color: two, length: 2 };
  const one = colors.get(tokens[at]!);
  return one ? { color: one, length: 1 } : null;
}

function matchSize(tokens: string[], at: number, sizes: ReadonlyMap<string, string>): { size: string; length: number } | null {
  const word = tokens[at]!;
  if (word === 'one' && tokens[at + 1] === 'size' && sizes.has('one size')) return { size: sizes.get('one size')!, length: 2 };
  if (word === 'extra' && tokens[at + 1] === 'large' && sizes.has('xl')) return { size: sizes.get('xl')!, length: 2 };
  const named = SIZE_WORDS.get(word) ?? (word.length === 1 && /[sml]/.test(word) ? word : undefined);
  if (named && sizes.has(named)) return { size: sizes.get(named)!, length: 1 };
  const next = tokens[at + 1];
  if (SIZE_LEADERS.has(word) && next && sizes.has(next)) return { size: sizes.get(next)!, length: 2 };
  return null;
}

// Without `correct`, a word the catalog does not know is searched as typed (the stemmer may still match it: "walking");
// with it, such a word is replaced by the closest catalog word, and `corrected` says how the query was read.
export function planSearch(query: string, vocabulary: SearchVocabulary, { correct = false } = {}): SearchPlan {
  const tokens = tokenize(query);
  const terms: string[][] = [];
  const colors = new Set<string>();
  const sizes = new Set<string>();
  const understood: string[] = [];
  let respelt = false;
  let known = tokens.length <= MAX_QUERY_WORDS;
  for (let at = 0; at < tokens.length;) {
    const color = matchColor(tokens, at, vocabulary.colors);
    if (color) {
      colors.add(color.color);
      understood.push(...tokens.slice(at, at + color.length));
      at += color.length;
      continue;
    }
    const size = matchSize(tokens, at, vocabulary.sizes);
    if (size) {
      sizes.add(size.size);
      understood.push(...tokens.slice(at, at + size.length));
      at += size.length;
      continue;
    }
    const token = tokens[at]!;
    if (STOP_WORDS.has(token)) {
      understood.push(token);
      at += 1;
      continue;
    }
    const found = knownWord(token, vocabulary, correct);
    if (!found) known = false;
    if (found?.respelt) respelt = true;
    const word = found?.word ?? token;
    understood.push(found?.respelt ? word : token);
    if (!terms.some((t) => t.includes(word))) terms.push([...(SYNONYMS.get(word) ?? [word])]);
    at += 1;
  }
  return {
    // In a stable order: "wool jumper" and "jumper wool" are one search (and one cache key).
    terms: terms.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)),
    colors: [...colors].sort(),
    sizes: [...sizes].sort(),
    corrected: respelt ? understood.join(' ') : null,
    known: known && tokens.length > 0,
  };
}

// The plan's text as a to_tsquery expression: (a | synonym) & b. Only letters and digits reach it (tokenize), so it
// needs no quoting; it is still passed as a parameter. With `titles`, each word must be in a product's name, category
// or tags (weights A and B of the stored vector), not only its description.
export function planTsQuery(plan: Pick<SearchPlan, 'terms'>, { titles = false } = {}): string | null {
  if (plan.terms.length === 0) return null;
  const weight = titles ? ':AB' : '';
  return plan.terms.map((group) => `(${group.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '') + weight).join(' | ')})`).join(' & ');
}
