import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CommerceEventType, EventChannel, LoyaltyEntryKind } from '@/lib/generated/prisma/enums';
import { loyaltyKeys } from '@/lib/loyalty/orders';
import { pointsValueMinor } from '@/lib/loyalty/programme';
import { channelOfOrder } from './channel';
import type { EventInput } from './record';

// Points events are read back from the loyalty ledger once the change that wrote it has committed: the ledger is
// written inside transactions that may still roll back (an order's payment, the counter, the sweep), and an entry
// that is not there was never made, so nothing is recorded for it.

const TYPE_OF: Partial<Record<LoyaltyEntryKind, CommerceEventType>> = {
  EARN: 'POINTS_EARNED',
  REDEEM: 'POINTS_SPENT',
  EXPIRE: 'POINTS_EXPIRED',
};

/** The ledger entries an order's payment wrote: its points earned and the points its checkout spent. */
export const orderPointsEntries = (orderId: string): Prisma.LoyaltyEntryWhereInput => ({
  idempotencyKey: { in: [loyaltyKeys.earn(orderId), loyaltyKeys.redeem(orderId)] },
});

/**
 * One event per committed entry matching `where` (quantity: points, valueMinor: their worth in pence), on the
 * channel the ledger gives it: in store at the counter and the till, else the channel its order was placed on.
 * Expiry belongs to no order and no device: it counts as desktop web, as history without a device does.
 */
export async function ledgerEvents(where: Prisma.LoyaltyEntryWhereInput): Promise<EventInput[]> {
  const entries = await db.loyaltyEntry.findMany({
    where: { ...where, kind: { in: Object.keys(TYPE_OF) as LoyaltyEntryKind[] } },
    select: {
      kind: true,
      points: true,
      pendingPoints: true,
      channel: true,
      storeId: true,
      orderId: true,
      createdAt: true,
      account: { select: { userId: true } },
    },
  });
  // An earning becoming spendable is an EARN of 0 points: only the earning itself is an event.
  const events = entries.filter((e) => e.kind !== 'EARN' || e.pendingPoints > 0);
  const orderIds = [...new Set(events.flatMap((e) => (e.orderId && e.channel === 'ONLINE' ? [e.orderId] : [])))];
  const orders = orderIds.length ? await db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, channel: true } }) : [];
  const orderChannel = new Map(orders.map((o) => [o.id, channelOfOrder(o.channel)]));
  return events.map((e) => {
    const points = Math.abs(e.points);
    const ordered = e.orderId ? orderChannel.get(e.orderId) : undefined;
    const channel: EventChannel = e.channel === 'IN_STORE' ? 'IN_STORE' : (ordered ?? 'DESKTOP_WEB');
    return {
      type: TYPE_OF[e.kind]!,
      channel,
      storeId: e.storeId,
      customerId: e.account.userId,
      orderId: e.orderId,
      quantity: points,
      valueMinor: pointsValueMinor(points),
      occurredAt: e.createdAt,
    };
  });
}
