import 'server-only';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { OrderError } from '@/lib/orders/errors';
import type { OrderSummary, ShippingAddress } from '@/lib/orders/types';

export const orderSummarySelect = {
  id: true,
  number: true,
  status: true,
  email: true,
  userId: true,
  channel: true,
  fulfilment: true,
  pickupLocationId: true,
  shippingAddress: true,
  paymentProvider: true,
  currency: true,
  subtotalMinor: true,
  discountMinor: true,
  discountCode: true,
  pointsRedeemed: true,
  pointsDiscountMinor: true,
  shippingMinor: true,
  taxMinor: true,
  totalMinor: true,
  placedAt: true,
  paidAt: true,
  cancelledAt: true,
  holdExpiresAt: true,
  lines: { select: { variantId: true, name: true, sku: true, unitPriceMinor: true, quantity: true }, orderBy: { position: 'asc' } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof readRow>>>;

function readRow(client: Tx, id: string) {
  return client.order.findUnique({ where: { id }, select: orderSummarySelect });
}

export function toOrderSummary(row: Row): OrderSummary {
  return {
    ...row,
    shippingAddress: (row.shippingAddress as ShippingAddress | null) ?? null,
    lines: row.lines.map((l) => ({ ...l, lineTotalMinor: l.unitPriceMinor * l.quantity })),
  };
}

// Unscoped: for lib code acting on an order it already holds (payments, webhooks). Pages and the API must
// scope by the acting user or store before showing an order (a later part of issue 5).
export async function getOrderSummaryOrThrow(id: string, client: Tx = db): Promise<OrderSummary> {
  const row = await readRow(client, id);
  if (!row) throw new OrderError('order_not_found', 'We could not find that order.');
  return toOrderSummary(row);
}
