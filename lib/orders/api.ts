import 'server-only';
import type { z } from 'zod';
import { apiJson } from '@/lib/api/respond';
import type { CancelResult } from '@/lib/orders/cancel';
import { CANCELLABLE_STATUSES, statusInWords } from '@/lib/orders/detail';
import type { orderJsonSchema } from '@/lib/orders/openapi';
import type { OrderSummary } from '@/lib/orders/types';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// The API's order: everything the confirmation page shows, never the owner's user id or the pickup code's hash.
export function toOrderJson(order: OrderSummary): z.infer<typeof orderJsonSchema> {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    channel: order.channel,
    fulfilment: order.fulfilment,
    pickupLocationId: order.pickupLocationId,
    shippingAddress: order.shippingAddress,
    paymentProvider: order.paymentProvider,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    discountCode: order.discountCode,
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
    lines: order.lines,
    statusLabel: statusInWords(order.status, order.fulfilment),
    cancellable: CANCELLABLE_STATUSES.includes(order.status),
    placedAt: order.placedAt.toISOString(),
    paidAt: iso(order.paidAt),
    cancelledAt: iso(order.cancelledAt),
    holdExpiresAt: iso(order.holdExpiresAt),
  };
}

export function orderJson(body: unknown, status = 200) {
  return apiJson(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
}

export function cancelJson(order: OrderSummary, result: CancelResult) {
  const { previousStatus, releasedUnits, restockedUnits, refunded } = result;
  return orderJson({ order: toOrderJson(order), cancellation: { previousStatus, releasedUnits, restockedUnits, refunded } });
}
