import 'server-only';
import type { OrderRow } from '@/lib/checkout/order-writes';
import type { CheckoutMarks, PlacedOrder, PlaceOrderInput, PricedOrder } from '@/lib/checkout/place-order';
import { newRowId } from '@/lib/db/ids';
import type { HoldRequest } from '@/lib/inventory/holds';
import { payAtPickupHoldExpiry, paymentHoldExpiry } from '@/lib/inventory/hold-expiry';
import type { OrderSummary } from '@/lib/orders/types';
import { generatePickupCode, hashPickupCode, sealPickupCode } from '@/lib/pickup/code';

// The order about to be written: its row (all but the number, drawn when it is written), its stock holds and its
// pickup code. An online payment's order is PENDING until paid; a pay-at-pickup order is CONFIRMED at once.
export type DraftOrder = { row: OrderRow; holds: HoldRequest[]; pickupCode: string | null };

export function draftOrder(input: PlaceOrderInput, priced: PricedOrder, now: Date, marks: CheckoutMarks = {}): DraftOrder {
  const { location, lines } = priced;
  const payAtPickup = input.paymentProvider === 'PAY_AT_PICKUP';
  const pickupCode = input.fulfilment === 'PICKUP' ? generatePickupCode() : null;
  // The id is made here so that the pickup code's hash, which binds the code to it, goes in with the insert.
  const id = newRowId('o');
  const { currency, subtotalMinor, discountMinor, discountCode, pointsRedeemed, pointsDiscountMinor, shippingMinor, taxMinor, totalMinor } =
    priced.totals;
  const row: OrderRow = {
    id,
    status: payAtPickup ? 'CONFIRMED' : 'PENDING',
    email: input.email.trim().toLowerCase(),
    userId: input.userId,
    channel: input.channel,
    fulfilment: input.fulfilment,
    pickupLocationId: input.fulfilment === 'PICKUP' ? location.id : null,
    paymentProvider: input.paymentProvider,
    currency,
    subtotalMinor,
    discountMinor,
    discountCode,
    pointsRedeemed,
    pointsDiscountMinor,
    shippingMinor,
    taxMinor,
    totalMinor,
    holdExpiresAt: payAtPickup ? payAtPickupHoldExpiry(location, now) : paymentHoldExpiry(now),
    placedAt: now,
    shippingAddress: input.fulfilment === 'DELIVERY' ? input.shippingAddress : null,
    cartId: input.cartId ?? null,
    checkoutKey: marks.checkoutKey ?? null,
    cartVersion: marks.cartVersion ?? null,
    pickupCodeHash: pickupCode ? hashPickupCode(id, pickupCode) : null,
    pickupCodeSealed: pickupCode ? sealPickupCode(id, pickupCode) : null,
  };
  const holds = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, sku: l.sku, name: l.name }));
  return { row, holds, pickupCode };
}

// The order as written under `number` (built here rather than read back).
export function placedOrder(draft: DraftOrder, number: string, priced: PricedOrder): PlacedOrder {
  const r = draft.row;
  const order: OrderSummary = {
    id: r.id,
    number,
    status: r.status,
    email: r.email,
    userId: r.userId,
    channel: r.channel,
    fulfilment: r.fulfilment,
    pickupLocationId: r.pickupLocationId,
    shippingAddress: r.shippingAddress,
    paymentProvider: r.paymentProvider,
    currency: r.currency,
    subtotalMinor: r.subtotalMinor,
    discountMinor: r.discountMinor,
    discountCode: r.discountCode,
    pointsRedeemed: r.pointsRedeemed,
    pointsDiscountMinor: r.pointsDiscountMinor,
    shippingMinor: r.shippingMinor,
    taxMinor: r.taxMinor,
    totalMinor: r.totalMinor,
    placedAt: r.placedAt,
    holdExpiresAt: r.holdExpiresAt,
    paidAt: null,
    cancelledAt: null,
    lines: priced.lines.map(({ variantId, name, sku, unitPriceMinor, quantity }) => ({
      variantId,
      name,
      sku,
      unitPriceMinor,
      quantity,
      lineTotalMinor: unitPriceMinor * quantity,
    })),
  };
  return { order, locationId: priced.location.id, pickupCode: draft.pickupCode };
}
