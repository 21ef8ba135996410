import 'server-only';
import { unstable_cache } from 'next/cache';
import { db } from '../db';
import { querySearchFacets, queryVocabulary } from './queries';
import type { SearchVocabulary } from './search-words';
import { buildSpellIndex } from './typo';

// The catalog's words (with counts), colours and sizes, read from the database at most once an hour (Next's data cache,
// shared by every server process) and prepared for look-ups once per process: a search request only looks words up.
const HOUR = 3600;
const PREPARED_FOR_MS = 10 * 60_000;

export const CATALOG_TAG = 'catalog';

const readVocabulary = unstable_cache(
  async () => {
    const [words, facets] = await Promise.all([queryVocabulary(db), querySearchFacets(db)]);
    return { words, ...facets };
  },
  ['catalog:search-vocabulary'],
  { revalidate: HOUR, tags: [CATALOG_TAG] },
);

let prepared: { until: number; vocabulary: Promise<SearchVocabulary> } | null = null;

export function prepareVocabulary(raw: { words: [string, number][]; colors: string[]; sizes: string[] }): SearchVocabulary {
  return {
    spell: buildSpellIndex(new Map(raw.words)),
    colors: new Map(raw.colors.map((c) => [c.toLowerCase(), c])),
    sizes: new Map(raw.sizes.map((s) => [s.toLowerCase(), s])),
  };
}

export function getSearchVocabulary(): Promise<SearchVocabulary> {
  const now = Date.now();
  if (prepared && prepared.until > now) return prepared.vocabulary;
  const vocabulary = readVocabulary().then(prepareVocabulary);
  prepared = { until: now + PREPARED_FOR_MS, vocabulary };
  // A failed read is not kept: the next search tries again.
  vocabulary.catch(() => {
    if (prepared?.vocabulary === vocabulary) prepared = null;
  });
  return vocabulary;
}
