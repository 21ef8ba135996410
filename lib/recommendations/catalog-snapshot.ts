import 'server-only';
import { db } from '@/lib/db';
import { loadAllCards, loadAvailableProductIds, type CardRow } from './store';

// Product cards and "sellable somewhere" for every product, held in memory and refreshed in the
// background, so a shelf request needs no catalog query: on the embedded database every query waits
// its turn on one connection. Stock may be up to AVAILABILITY_MS stale; adding to the bag re-checks it.
const AVAILABILITY_MS = 15_000;
const CARDS_MS = 5 * 60_000;

// `version` changes only when what a shelf shows can change: the cards were reloaded or a product became sellable or
// sold out everywhere. Shelves are cached by it, so a refresh that finds the same products sellable (nearly all of
// them) keeps every cached shelf rather than have each recomputed at once by the next requests.
type Snapshot = {
  cards: Map<string, CardRow>;
  available: Set<string>;
  cardsAt: number;
  availableAt: number;
  version: number;
  refreshing: Promise<void> | null;
};
const key = Symbol.for('northwind.recommendations.snapshot');
const g = globalThis as unknown as Record<symbol, Promise<Snapshot> | undefined>;

async function load(): Promise<Snapshot> {
  const [cards, available] = await Promise.all([loadAllCards(db), loadAvailableProductIds(db)]);
  return { cards, available, cardsAt: Date.now(), availableAt: Date.now(), version: 1, refreshing: null };
}

async function refresh(snapshot: Snapshot, now: number): Promise<void> {
  if (now - snapshot.cardsAt > CARDS_MS) {
    snapshot.cards = await loadAllCards(db);
    snapshot.cardsAt = Date.now();
    snapshot.version++;
  }
  const available = await loadAvailableProductIds(db);
  if (!sameMembers(available, snapshot.available)) {
    snapshot.available = available;
    snapshot.version++;
  }
  snapshot.availableAt = Date.now();
}

function sameMembers(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

export async function getCatalogSnapshot(): Promise<Pick<Snapshot, 'cards' | 'available' | 'version'>> {
  g[key] ??= load().catch((error: unknown) => {
    g[key] = undefined;
    throw error;
  });
  const snapshot = await g[key];
  const now = Date.now();
  if (!snapshot.refreshing && now - snapshot.availableAt > AVAILABILITY_MS) {
    snapshot.refreshing = refresh(snapshot, now)
      .catch((error) => console.error('[recommendations] catalog refresh failed', error))
      .finally(() => (snapshot.refreshing = null));
  }
  return snapshot;
}

/** Cards for products the snapshot does not know yet (added since it was taken). */
export async function addMissingCards(snapshot: Pick<Snapshot, 'cards' | 'available'>, ids: string[]): Promise<void> {
  const missing = ids.filter((id) => !snapshot.cards.has(id));
  if (missing.length === 0) return;
  const fresh = await loadAllCards(db, missing);
  for (const [id, card] of fresh) snapshot.cards.set(id, card);
  for (const id of await loadAvailableProductIds(db, missing)) snapshot.available.add(id);
}
