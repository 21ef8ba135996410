import 'server-only';
import { db } from '@/lib/db';
import { pickupNotFound } from './errors';
import { cardSelect, toCard } from './queue-card';
import { queueCounts, queuePageIds } from './queue-page';
import { scopeOf } from './queue-scope';
import { QUEUE_PAGE_SIZE, type QueueTab } from './queue-tabs';
import type { QueueResponse, PickupCard } from './schemas';
import { storeClock } from './store-clock';

// The store's queue, a page at a time: one tab of it (or all of it when no tab is named), in the tab's order, with
// each tab's count for the badges. The caller has already checked the user acts for this store (lib/pickup/access.ts).
export async function storeQueue(
  storeId: string,
  tab: QueueTab | null,
  { limit = QUEUE_PAGE_SIZE, cursor }: { limit?: number; cursor?: string } = {},
  now: Date = new Date(),
): Promise<QueueResponse> {
  const store = await storeClock(storeId);
  const scope = scopeOf(store, now);
  const [counts, page] = await Promise.all([queueCounts(scope), queuePageIds(scope, tab, limit, cursor)]);
  const rows = page.ids.length ? await db.order.findMany({ where: { id: { in: page.ids } }, select: cardSelect }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const orders = page.ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row, store, now)] : [];
  });
  return { store: { id: store.id, name: store.name }, tab, counts, orders, nextCursor: page.nextCursor };
}

// One order for the counter. The caller has already scoped it to the user's stores (requireStaffOfOrder).
export async function staffOrderCard(orderId: string, now: Date = new Date()): Promise<PickupCard> {
  const row = await db.order.findUnique({ where: { id: orderId }, select: cardSelect });
  if (!row?.pickupLocationId) throw pickupNotFound();
  return toCard(row, await storeClock(row.pickupLocationId), now);
}
