import 'server-only';
import { computeTotals, type DiscountRule } from '@/lib/checkout/totals';
import type { Tx } from '@/lib/db/client';
import { env } from '@/lib/env';
import { reserveStockTx } from '@/lib/inventory/holds';
import { OutOfStockError } from '@/lib/inventory/errors';
import { moveOrderTx } from '@/lib/orders/transitions';
import { getPaymentProvider } from '@/lib/payments/providers';
import { PickupError } from './errors';
import { consumeHoldTx, lineHoldIdTx, releaseHoldTx } from './substitution-holds';

// A line the associate can't find becomes a question to the shopper: take the substitute offered (or, when none was,
// only drop the line), answered on the order page or left to expire after the store's answer time. While it waits,
// the substitute's stock is held for the order. Everything here runs inside the caller's transaction, with the order's
// Pickup row locked (lockPickupTx), so one line is answered once however many answers and sweepers race for it.

const HOLD_FALLBACK_MS = 30 * 24 * 60 * 60_000;

const refundKeyOf = (lineId: string) => `pickup-line-${lineId}-refund`;

type LineRow = { id: string; variantId: string | null; quantity: number; name: string; sku: string; unitPriceMinor: number };

// The order line's name as the checkout writes it: "Product – Colour / Size".
export function lineName(productName: string, color: string | null, size: string | null): string {
  const label = [color, size].filter(Boolean).join(' / ');
  return label ? `${productName} – ${label}` : productName;
}

// Offers `substituteVariantId` (or nothing) for a line marked short: the variant must be sold in the shop's currency,
// differ from the line's, and have the line's quantity free at the store; its stock is held at once. A line the
// shopper already answered cannot be offered again.
export async function proposeTx(
  tx: Tx,
  input: { orderId: string; storeId: string; line: LineRow; substituteVariantId: string | null; byId: string; now: Date },
): Promise<void> {
  const { orderId, storeId, line, substituteVariantId, byId, now } = input;
  const existing = await tx.pickupLine.findUnique({ where: { orderLineId: line.id } });
  if (existing?.substitution && existing.substitution !== 'PROPOSED') throw lineResolved(line.name);
  if (existing?.substituteHoldId && existing.substitution === 'PROPOSED') await releaseHoldTx(tx, existing.substituteHoldId);
  let holdId: string | null = null;
  let offered = { substituteName: null as string | null, substituteSku: null as string | null };
  if (substituteVariantId) {
    const variant = await tx.variant.findUnique({
      where: { id: substituteVariantId },
      select: { id: true, sku: true, size: true, color: true, currency: true, product: { select: { name: true } } },
    });
    if (!variant || variant.currency !== env.SHOP_CURRENCY || variant.id === line.variantId)
      throw new PickupError('substitute_unavailable', 'That substitute cannot be offered for this line.', { substituteVariantId });
    try {
      await reserveStockTx(tx, storeId, [{ variantId: variant.id, quantity: line.quantity, sku: variant.sku, name: variant.product.name }]);
    } catch (error) {
      if (!(error instanceof OutOfStockError)) throw error;
      throw new PickupError('substitute_unavailable', `${variant.product.name} (${variant.sku}) is not in stock at this store.`, {
        substituteVariantId,
      });
    }
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { holdExpiresAt: true } });
    const hold = await tx.stockHold.create({
      data: {
        orderId,
        variantId: variant.id,
        locationId: storeId,
        quantity: line.quantity,
        expiresAt: order.holdExpiresAt ?? new Date(now.getTime() + HOLD_FALLBACK_MS),
      },
      select: { id: true },
    });
    holdId = hold.id;
    offered = { substituteName: lineName(variant.product.name, variant.color, variant.size), substituteSku: variant.sku };
  }
  const question = {
    status: 'SHORT' as const,
    byId,
    at: now,
    substituteVariantId,
    substituteHoldId: holdId,
    ...offered,
    substitution: 'PROPOSED' as const,
    substitutionAskedAt: now,
    substitutionAnsweredAt: null,
  };
  await tx.pickupLine.upsert({ where: { orderLineId: line.id }, create: { orderLineId: line.id, orderId, ...question }, update: question });
}

// Picked again ("found it") or unticked while the shopper had not answered: the question is withdrawn and the
// substitute's stock goes back on the shelf. A line already answered stays as the shopper decided.
export async function withdrawTx(tx: Tx, lineId: string, name: string): Promise<void> {
  const existing = await tx.pickupLine.findUnique({ where: { orderLineId: lineId } });
  if (!existing?.substitution) return;
  if (existing.substitution !== 'PROPOSED') throw lineResolved(name);
  if (existing.substituteHoldId) await releaseHoldTx(tx, existing.substituteHoldId);
  await tx.pickupLine.update({
    where: { orderLineId: lineId },
    data: {
      substituteVariantId: null,
      substituteName: null,
      substituteSku: null,
      substituteHoldId: null,
      substitution: null,
      substitutionAskedAt: null,
    },
  });
}

export const lineResolved = (name: string) =>
  new PickupError('line_resolved', `The shopper has already answered about ${name}; the line cannot change now.`);

export type Outcome = 'ACCEPTED' | 'DECLINED' | 'EXPIRED';
export type Resolved = { storeId: string; orderStatus: string; totalMinor: number; refundMinor: number; cancelled: boolean };

// Applies the answer to a line still waiting for one. Accepted: the line becomes the substitute at no more than the
// line's price, and its hold joins the order's (consumed at once on a paid order, as a paid order's stock is).
// Declined or expired: the line leaves the order and both holds go back. The totals follow; on a paid order the
// difference is refunded through the payment provider inside this transaction under the line's own idempotency key
// (if the provider fails nothing is written, and a retry refunds once). An order left with no lines is cancelled.
export async function resolveTx(tx: Tx, lineId: string, outcome: Outcome, now: Date): Promise<Resolved> {
  const pl = await tx.pickupLine.findUniqueOrThrow({ where: { orderLineId: lineId } });
  // The caller checked under the lock; this is the last guard against answering one line twice.
  if (pl.substitution !== 'PROPOSED') throw new PickupError('substitution_answered', 'This item has already been answered for.');
  const [order] = await tx.$queryRaw<
    {
      id: string;
      status: string;
      paidAt: Date | null;
      paymentProvider: 'STRIPE' | 'DEMO' | 'PAY_AT_PICKUP' | null;
      paymentIntentId: string | null;
      totalMinor: number;
      currency: string;
      discountCode: string | null;
      pickupLocationId: string;
    }[]
  >`SELECT "id", "status", "paidAt", "paymentProvider", "paymentIntentId", "totalMinor", "currency", "discountCode", "pickupLocationId"
    FROM "Order" WHERE "id" = ${pl.orderId} FOR UPDATE`;
  if (!order) throw new PickupError('substitution_not_found', 'We could not find that order.');
  const lines = await tx.orderLine.findMany({
    where: { orderId: order.id },
    select: { id: true, variantId: true, quantity: true, name: true, sku: true, unitPriceMinor: true },
  });
  const line = lines.find((l) => l.id === lineId);
  const answered = { substitution: outcome, substitutionAnsweredAt: now };
  // The order was cancelled or moved on meanwhile: only the substitute's hold is given back.
  if (!line || (order.status !== 'PAID' && order.status !== 'CONFIRMED')) {
    if (pl.substituteHoldId) await releaseHoldTx(tx, pl.substituteHoldId);
    await tx.pickupLine.update({
      where: { orderLineId: lineId },
      data: { ...answered, substitution: outcome === 'ACCEPTED' ? 'EXPIRED' : outcome },
    });
    return { storeId: order.pickupLocationId, orderStatus: order.status, totalMinor: order.totalMinor, refundMinor: 0, cancelled: false };
  }
  const original = {
    originalName: line.name,
    originalSku: line.sku,
    originalUnitPriceMinor: line.unitPriceMinor,
    originalQuantity: line.quantity,
  };
  const lineHold = await lineHoldIdTx(tx, order.id, line.variantId, line.quantity);
  let after: LineRow[];
  if (outcome === 'ACCEPTED') {
    const variant = await tx.variant.findUniqueOrThrow({
      where: { id: pl.substituteVariantId! },
      select: { id: true, sku: true, size: true, color: true, priceMinor: true, productId: true, product: { select: { name: true } } },
    });
    const replaced = {
      variantId: variant.id,
      productId: variant.productId,
      sku: variant.sku,
      name: lineName(variant.product.name, variant.color, variant.size),
      unitPriceMinor: Math.min(variant.priceMinor, line.unitPriceMinor),
    };
    await tx.orderLine.update({ where: { id: line.id }, data: replaced });
    if (lineHold) await releaseHoldTx(tx, lineHold);
    if (order.paidAt && pl.substituteHoldId) await consumeHoldTx(tx, pl.substituteHoldId);
    // The associate offered it from the shelf, so it is picked.
    await tx.pickupLine.update({ where: { orderLineId: lineId }, data: { ...answered, ...original, status: 'PICKED', at: now } });
    after = lines.map((l) => (l.id === line.id ? { ...l, ...replaced } : l));
  } else {
    if (lineHold) await releaseHoldTx(tx, lineHold);
    if (pl.substituteHoldId) await releaseHoldTx(tx, pl.substituteHoldId);
    await tx.orderLine.delete({ where: { id: line.id } });
    await tx.pickupLine.update({ where: { orderLineId: lineId }, data: { ...answered, ...original, status: 'DROPPED', at: now } });
    after = lines.filter((l) => l.id !== line.id);
  }
  const totals = await newTotalsTx(tx, order, lines, after);
  await tx.order.update({ where: { id: order.id }, data: totals.row });
  const refundMinor = order.paidAt ? order.totalMinor - totals.row.totalMinor : 0;
  if (refundMinor > 0) {
    const key = refundKeyOf(lineId);
    // The unique key is written first: a second refund of this line cannot be recorded, whoever tries.
    await tx.pickupLine.update({ where: { orderLineId: lineId }, data: { refundMinor, refundKey: key } });
    if (order.paymentProvider)
      await getPaymentProvider(order.paymentProvider).refundPart(
        { id: order.id, paymentIntentId: order.paymentIntentId },
        refundMinor,
        key,
      );
  }
  let cancelled = false;
  let orderStatus = order.status;
  if (!after.length) {
    const moved = await moveOrderTx(tx, order.id, ['PAID', 'CONFIRMED'], 'CANCELLED', { cancelledAt: now });
    if (moved.changed) {
      await tx.pickup.update({ where: { orderId: order.id }, data: { status: 'CANCELLED' } });
      cancelled = true;
      orderStatus = 'CANCELLED';
    }
  }
  return { storeId: order.pickupLocationId, orderStatus, totalMinor: totals.row.totalMinor, refundMinor, cancelled };
}

// The order's totals after a line changed, from the lines' own prices: the discount code's rule applies again to the
// new subtotal (its minimum spend is not checked again: the store's shortage should not cost the shopper the
// discount), and the total moves by what the goods' total moved, so anything else on the order stays as it was.
async function newTotalsTx(
  tx: Tx,
  order: { totalMinor: number; currency: string; discountCode: string | null },
  before: LineRow[],
  after: LineRow[],
) {
  const code = order.discountCode
    ? await tx.discountCode.findUnique({
        where: { code: order.discountCode },
        select: { code: true, kind: true, percent: true, amountMinor: true, label: true },
      })
    : null;
  const discount: DiscountRule | null = !code
    ? null
    : code.kind === 'PERCENT'
      ? { code: code.code, kind: 'percent', percent: code.percent ?? 0, minSubtotalMinor: null, label: code.label }
      : { code: code.code, kind: 'amount', amountMinor: code.amountMinor ?? 0, minSubtotalMinor: null, label: code.label };
  const totalsOf = (lines: LineRow[]) =>
    computeTotals({
      lines: lines.map((l) => ({ variantId: l.variantId ?? l.id, unitPriceMinor: l.unitPriceMinor, quantity: l.quantity })),
      fulfilment: 'PICKUP',
      country: 'GB',
      currency: order.currency,
      discount,
    });
  const [was, now] = [totalsOf(before), totalsOf(after)];
  return {
    row: {
      subtotalMinor: now.subtotalMinor,
      discountMinor: now.discountMinor,
      taxMinor: now.taxMinor,
      totalMinor: Math.max(0, order.totalMinor - (was.totalMinor - now.totalMinor)),
    },
  };
}
