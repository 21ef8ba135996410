import 'server-only';
import { db } from '@/lib/db';
import { publishEvent, subscribeEvent } from '@/lib/events';
import { addBasket, createModel, setItemMeta, type RecModel } from './model';
import { recountCoPurchases } from './co-purchases';
import { loadBaskets, loadItemMeta, loadOrderBasket, type OrderBasket } from './store';

// The serving model: built from the database once per process, then kept up to date in place —
// by recordPaidOrder (this instance or, through lib/events, another one) and by a light sync that
// picks up orders written by other processes (npm run orders:import) — never rebuilt per request.
type Live = { model: RecModel; applied: Set<string>; watermark: number; lastSync: number; syncing: Promise<void> | null };
type State = { live: Promise<Live> | null };

const CHANNEL = 'recommendations:paid-order';
const SYNC_EVERY_MS = 30_000;
const key = Symbol.for('northwind.recommendations');
const g = globalThis as unknown as Record<symbol, State | undefined>;
const state = (g[key] ??= { live: null });

function apply(live: Live, basket: OrderBasket): void {
  live.watermark = Math.max(live.watermark, basket.changedAt);
  if (live.applied.has(basket.orderId)) return;
  live.applied.add(basket.orderId);
  addBasket(live.model, basket);
}

async function build(): Promise<Live> {
  const [baskets, items] = await Promise.all([loadBaskets(db), loadItemMeta(db)]);
  const live: Live = { model: createModel(), applied: new Set(), watermark: 0, lastSync: Date.now(), syncing: null };
  for (const basket of baskets) apply(live, basket);
  for (const meta of items) setItemMeta(live.model, meta);
  await subscribeEvent(CHANNEL, (payload) => {
    const orderId = (payload as { orderId?: unknown } | null)?.orderId;
    if (typeof orderId === 'string')
      applyOrder(live, orderId).catch((error) => console.error('[recommendations] could not add order', orderId, error));
  });
  return live;
}

async function applyOrder(live: Live, orderId: string): Promise<void> {
  if (live.applied.has(orderId)) return;
  const basket = await loadOrderBasket(db, orderId);
  if (!basket) return;
  await indexMissingItems(live.model, basket.items);
  apply(live, basket);
}

async function indexMissingItems(model: RecModel, ids: readonly string[]): Promise<void> {
  const missing = ids.filter((id) => !model.content.tokens.has(id));
  if (missing.length === 0) return;
  for (const meta of await loadItemMeta(db, missing)) setItemMeta(model, meta);
}

// Orders changed since the last look (a minute of overlap covers clock skew and slow commits).
async function sync(live: Live): Promise<void> {
  live.lastSync = Date.now();
  const baskets = await loadBaskets(db, new Date(live.watermark - 60_000));
  const fresh = baskets.filter((b) => !live.applied.has(b.orderId));
  await indexMissingItems(live.model, [...new Set(fresh.flatMap((b) => b.items))]);
  for (const basket of fresh) apply(live, basket);
}

/** The model, built on first use; a stale model is refreshed in the background, never on the request's time. */
export async function getLiveModel(): Promise<RecModel> {
  state.live ??= build().catch((error: unknown) => {
    state.live = null;
    throw error;
  });
  const live = await state.live;
  if (!live.syncing && Date.now() - live.lastSync > SYNC_EVERY_MS) {
    live.syncing = sync(live)
      .catch((error) => console.error('[recommendations] sync failed', error))
      .finally(() => (live.syncing = null));
  }
  return live.model;
}

/** Makes sure a product (say, one added to the catalog after the model was built) has its content indexed. */
export async function ensureItemIndexed(productId: string): Promise<void> {
  await indexMissingItems(await getLiveModel(), [productId]);
}

/**
 * Call once an order is paid (after the transaction commits): updates the CoPurchase table for its
 * products and every running instance's model. Safe to call twice for the same order.
 */
export async function recordPaidOrder(orderId: string): Promise<void> {
  await recountCoPurchases(db, orderId);
  if (state.live) await applyOrder(await state.live, orderId);
  await publishEvent(CHANNEL, { orderId });
}
