import 'server-only';
import { recordEvent } from '@/lib/analytics/record';
import { db } from '@/lib/db';
import { getViewableOrder } from '@/lib/orders/access';
import { PickupError } from './errors';
import { announcePickupChange } from './events';
import { substitutionLines } from './substitution-view';
import type { SubstitutionLine } from './schemas';
import { resolveTx } from './substitution';

// A refund goes to the payment provider inside the transaction (as the no-show sweeper's does): allow for its retries.
export const ANSWER_TX = { maxWait: 30_000, timeout: 60_000 } as const;

export type SubstitutionAnswer = {
  substitution: SubstitutionLine;
  order: { id: string; status: string; totalMinor: number; currency: string };
};

// The shopper's answer about a line the store can't find, from whoever may see the order (its owner, a device holding
// its receipt: the same rule as "I'm here"). The order's Pickup row is locked first, so of two answers sent at once
// (two devices, a double tap) or an answer racing the timeout, one applies and the others find it done: the same answer
// again is answered with what happened, a different one is refused (409).
export async function answerSubstitution(
  orderId: string,
  lineId: string,
  accept: boolean,
  now: Date = new Date(),
): Promise<SubstitutionAnswer> {
  const order = await getViewableOrder(orderId);
  if (order.fulfilment !== 'PICKUP' || !order.pickupLocationId) throw notAsked();
  const resolved = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Pickup" WHERE "orderId" = ${orderId} FOR UPDATE`;
    const line = await tx.pickupLine.findFirst({
      where: { orderLineId: lineId, orderId },
      select: { substitution: true, substituteVariantId: true },
    });
    if (!line?.substitution) throw notAsked();
    if (line.substitution !== 'PROPOSED') {
      const same = accept ? line.substitution === 'ACCEPTED' : line.substitution === 'DECLINED';
      if (same) return null;
      throw new PickupError(
        'substitution_answered',
        line.substitution === 'EXPIRED'
          ? 'The time to answer has passed: the item was removed from your order.'
          : 'You have already answered about this item.',
      );
    }
    if (accept && !line.substituteVariantId) throw new PickupError('nothing_to_accept', 'There is no substitute to accept for this item.');
    return resolveTx(tx, lineId, accept ? 'ACCEPTED' : 'DECLINED', now);
  }, ANSWER_TX);
  if (resolved) await announcePickupChange(resolved.storeId, orderId, resolved.cancelled ? 'CANCELLED' : 'PICKING');
  // On the device the shopper answered from.
  if (resolved)
    recordEvent({
      type: accept ? 'SUBSTITUTION_ACCEPTED' : 'SUBSTITUTION_DECLINED',
      orderId,
      storeId: resolved.storeId,
      quantity: 1,
      occurredAt: now,
    });
  const [line] = await substitutionLines(orderId, [lineId]);
  const after = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, status: true, totalMinor: true, currency: true },
  });
  if (!line) throw notAsked();
  return { substitution: line, order: after };
}

const notAsked = () => new PickupError('substitution_not_found', 'There is no question about that item on this order.');
