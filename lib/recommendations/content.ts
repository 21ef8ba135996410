import type { ItemMeta } from './types';

type Vector = { tokens: number[]; weights: number[] };
type Posting = { items: number[]; weights: number[] };

/**
 * TF-IDF vectors over name words, category and tags, keyed by item id. The numeric form used
 * by requests is compiled lazily after changes, since every new item shifts the IDF.
 */
export type ContentIndex = {
  tokens: Map<string, string[]>;
  documentFrequency: Map<string, number>;
  compiled: { vectors: (Vector | undefined)[]; postings: Posting[] } | null;
};

const STOP_WORDS = new Set(['of', 'and', 'the', 'in', 'with', 'set', 'for', 'to', 'a', 'an']);

export function createContentIndex(): ContentIndex {
  return { tokens: new Map(), documentFrequency: new Map(), compiled: null };
}

function contentTokens(meta: ItemMeta): string[] {
  const words = (meta.name ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/.test(word));
  const tokens = words.map((word) => `w:${word}`);
  if (meta.category) tokens.push(`c:${meta.category.toLowerCase()}`);
  for (const tag of meta.tags ?? []) tokens.push(`t:${tag.toLowerCase()}`);
  return [...new Set(tokens)];
}

export function indexItemContent(index: ContentIndex, meta: ItemMeta): void {
  const df = index.documentFrequency;
  for (const token of index.tokens.get(meta.id) ?? []) df.set(token, (df.get(token) ?? 1) - 1);
  const tokens = contentTokens(meta);
  index.tokens.set(meta.id, tokens);
  for (const token of tokens) df.set(token, (df.get(token) ?? 0) + 1);
  index.compiled = null;
}

/** Unit vectors per item number and, per token, the items holding it with their weights. */
export function compiledContent(index: ContentIndex, itemNumbers: ReadonlyMap<string, number>): NonNullable<ContentIndex['compiled']> {
  if (index.compiled) return index.compiled;
  const tokenNumbers = new Map<string, number>();
  const vectors: (Vector | undefined)[] = [];
  const postings: Posting[] = [];
  const total = index.tokens.size;
  for (const [itemId, tokens] of index.tokens) {
    const item = itemNumbers.get(itemId);
    if (item === undefined || tokens.length === 0) continue;
    const idf = tokens.map((token) => Math.log(1 + total / Math.max(1, index.documentFrequency.get(token) ?? 0)));
    const length = Math.sqrt(idf.reduce((sum, w) => sum + w * w, 0)) || 1;
    const vector: Vector = { tokens: [], weights: [] };
    tokens.forEach((token, k) => {
      let number = tokenNumbers.get(token);
      if (number === undefined) {
        number = postings.length;
        tokenNumbers.set(token, number);
        postings.push({ items: [], weights: [] });
      }
      const weight = (idf[k] ?? 0) / length;
      vector.tokens.push(number);
      vector.weights.push(weight);
      postings[number]?.items.push(item);
      postings[number]?.weights.push(weight);
    });
    vectors[item] = vector;
  }
  index.compiled = { vectors, postings };
  return index.compiled;
}
