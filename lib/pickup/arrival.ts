import 'server-only';
import { db } from '@/lib/db';
import { getViewableOrder } from '@/lib/orders/access';
import { PickupError } from './errors';
import { announcePickupChange } from './events';
import { effectivePickupStatus } from './state';

export type Arrival = { status: 'WAITING'; arrivedAt: string };

// "I'm here": whoever may see the order (its owner, the device holding its receipt) tells the store the shopper is
// at the counter. Only a ready order can be waited for; saying it twice keeps the first time (the minutes waited).
export async function markArrived(orderId: string, now: Date = new Date()): Promise<Arrival> {
  const order = await getViewableOrder(orderId);
  if (order.fulfilment !== 'PICKUP' || !order.pickupLocationId)
    throw new PickupError('not_ready', 'This order is not collected from a store.');
  const moved = await db.pickup.updateMany({
    where: { orderId, status: 'READY', order: { status: 'READY_FOR_PICKUP' } },
    data: { status: 'WAITING', arrivedAt: now },
  });
  const pickup = await db.pickup.findUnique({ where: { orderId }, select: { status: true, arrivedAt: true } });
  const status = effectivePickupStatus(order.status, pickup?.status);
  if (status !== 'WAITING' || !pickup?.arrivedAt) {
    throw new PickupError(
      'not_ready',
      status === 'COLLECTED'
        ? 'This order has already been collected.'
        : 'Your order is not ready to collect yet: we will e-mail you when it is.',
    );
  }
  if (moved.count === 1) await announcePickupChange(order.pickupLocationId, orderId, 'WAITING');
  return { status: 'WAITING', arrivedAt: pickup.arrivedAt.toISOString() };
}

export type CollectedNote = { storeName: string; collectedAt: string; timeZone: string };

// What the shopper's order page says after the handover: "Collected at Riverside, 14:32".
export async function pickupProgress(
  orderId: string,
): Promise<{ status: string; arrivedAt: string | null; collected: CollectedNote | null } | null> {
  const pickup = await db.pickup.findUnique({
    where: { orderId },
    select: { status: true, arrivedAt: true, collectedAt: true, location: { select: { name: true, timeZone: true } } },
  });
  if (!pickup) return null;
  return {
    status: pickup.status,
    arrivedAt: pickup.arrivedAt?.toISOString() ?? null,
    collected:
      pickup.status === 'COLLECTED' && pickup.collectedAt
        ? { storeName: pickup.location.name, collectedAt: pickup.collectedAt.toISOString(), timeZone: pickup.location.timeZone }
        : null,
  };
}
