import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import type { SessionUser } from '@/lib/auth/session';
import { computeTotals } from '@/lib/checkout/totals';
import { db } from '@/lib/db';
import { newRowId } from '@/lib/db/ids';
import { ORDER_TX } from '@/lib/db/tx-options';
import { env } from '@/lib/env';
import { newOrderNumber } from '@/lib/orders/order-number';
import { formatMoney } from '@/lib/utils';
import { AppError } from '@/lib/errors';
import { readMemberCardToken } from './member-card';
import { memberNotFound } from './errors';
import { settleOrderPointsTx } from './orders';

export type InStoreSaleInput = {
  lines: { variantId: string; quantity: number }[];
  memberToken?: string | null;
  payment: { method: 'card' | 'cash'; amountMinor: number };
  idempotencyKey: string;
};

export type InStoreSale = { orderId: string; number: string; totalMinor: number; pointsEarned: number; repeated: boolean };

// A sale at the till: an order with channel IN_STORE, paid and completed at once, its stock taken from this store's
// shelf (guarded: never below what is held for others), attached to the member whose card was scanned, who earns
// points on it like any paid order (pending for the return window). Prices come from the database; the payment taken
// must be the total. A repeat with the same idempotency key answers with the same order.
export async function recordInStoreSale(
  user: SessionUser,
  storeId: string,
  input: InStoreSaleInput,
  now: Date = new Date(),
): Promise<InStoreSale> {
  const checkoutKey = `sale:${storeId}:${input.idempotencyKey}`;
  const earlier = await db.order.findUnique({ where: { checkoutKey }, select: { id: true, number: true, totalMinor: true } });
  if (earlier)
    return {
      orderId: earlier.id,
      number: earlier.number,
      totalMinor: earlier.totalMinor,
      pointsEarned: await earnedOn(earlier.id),
      repeated: true,
    };
  const member = input.memberToken
    ? await db.loyaltyAccount.findUnique({
        where: { id: readMemberCardToken(input.memberToken, now) },
        select: { userId: true, user: { select: { email: true } } },
      })
    : null;
  if (input.memberToken && !member) throw memberNotFound();
  const quantities = new Map<string, number>();
  for (const l of input.lines) quantities.set(l.variantId, (quantities.get(l.variantId) ?? 0) + l.quantity);
  const variants = await db.variant.findMany({
    where: { id: { in: [...quantities.keys()] }, currency: env.SHOP_CURRENCY },
    select: { id: true, sku: true, priceMinor: true, productId: true, size: true, color: true, product: { select: { name: true } } },
  });
  if (variants.length !== quantities.size) throw new AppError(400, 'variant_not_found', 'An item is not sold here. Check the SKUs.');
  const lines = variants.map((v, position) => ({ ...v, quantity: quantities.get(v.id)!, position }));
  const totals = computeTotals({
    lines: lines.map((l) => ({ variantId: l.id, unitPriceMinor: l.priceMinor, quantity: l.quantity })),
    fulfilment: 'PICKUP',
    country: 'GB',
    currency: env.SHOP_CURRENCY,
  });
  if (input.payment.amountMinor !== totals.totalMinor)
    throw new AppError(
      400,
      'payment_mismatch',
      `The payment must be the sale's total, ${formatMoney(totals.totalMinor, totals.currency)}.`,
      {
        amountMinor: totals.totalMinor,
      },
    );

  const sale = await db.$transaction(async (tx) => {
    for (const l of lines) {
      const taken = await tx.$executeRaw`
        UPDATE "Stock" SET "onHand" = "onHand" - ${l.quantity}::int, "updatedAt" = ${now}
        WHERE "variantId" = ${l.id} AND "locationId" = ${storeId} AND "onHand" - "reserved" >= ${l.quantity}::int`;
      if (taken !== 1) throw new AppError(409, 'out_of_stock', `${l.sku} is not on this store's shelf in that number.`);
    }
    const id = newRowId('o');
    const number = await newOrderNumber(tx);
    await tx.order.create({
      data: {
        id,
        number,
        status: 'COMPLETED',
        channel: 'IN_STORE',
        fulfilment: 'PICKUP',
        pickupLocationId: storeId,
        userId: member?.userId ?? null,
        email: member?.user.email ?? `till-${storeId}@in-store.invalid`,
        currency: totals.currency,
        subtotalMinor: totals.subtotalMinor,
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
        placedAt: now,
        paidAt: now,
        checkoutKey,
        lines: {
          create: lines.map((l) => ({
            productId: l.productId,
            variantId: l.id,
            sku: l.sku,
            name: [l.product.name, [l.color, l.size].filter(Boolean).join(' / ')].filter(Boolean).join(' – '),
            unitPriceMinor: l.priceMinor,
            quantity: l.quantity,
            position: l.position,
          })),
        },
      },
    });
    await settleOrderPointsTx(tx, id, now);
    await tx.staffAuditEntry.create({
      data: {
        actorId: user.id,
        locationId: storeId,
        orderId: id,
        action: 'sale.recorded',
        details: { payment: input.payment, member: Boolean(member) },
      },
    });
    return { orderId: id, number };
  }, ORDER_TX);
  recordOrderEvent('IN_STORE_SALE', sale.orderId, { channel: 'IN_STORE', occurredAt: now });
  return { ...sale, totalMinor: totals.totalMinor, pointsEarned: await earnedOn(sale.orderId), repeated: false };
}

async function earnedOn(orderId: string): Promise<number> {
  const earn = await db.loyaltyEntry.findFirst({ where: { orderId, kind: 'EARN', pendingPoints: { gt: 0 } }, select: { points: true } });
  return earn?.points ?? 0;
}
