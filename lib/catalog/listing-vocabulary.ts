import 'server-only';
import { db } from '../db';
import { queryListingVocabulary } from './product-queries';
import type { ListingVocabulary } from './types';

// Read by proxy.ts on every filtered listing request, so each category's vocabulary is kept in memory for a
// minute (a new colour or store shows up in filters within that). Only existing categories are kept: a made-up
// slug is looked up again next time rather than stored.
const TTL_MS = 60_000;
const SLUG = /^[a-z0-9-]{1,80}$/;
const memo = new Map<string, { expires: number; vocabulary: Promise<ListingVocabulary | null> }>();

export async function getListingVocabulary(slug: string): Promise<ListingVocabulary | null> {
  if (!SLUG.test(slug)) return null;
  const now = Date.now();
  const kept = memo.get(slug);
  if (kept && kept.expires > now) return kept.vocabulary;
  const vocabulary = queryListingVocabulary(db, slug);
  memo.set(slug, { expires: now + TTL_MS, vocabulary });
  try {
    const found = await vocabulary;
    if (!found) memo.delete(slug);
    return found;
  } catch (error) {
    memo.delete(slug);
    throw error;
  }
}
