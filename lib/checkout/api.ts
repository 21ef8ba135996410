import 'server-only';
import { apiError, apiJson } from '@/lib/api/respond';
import { AuthorizationError } from '@/lib/auth/errors';
import { CartError } from '@/lib/cart/errors';
import type { CheckoutResult } from '@/lib/checkout/checkout';
import { OutOfStockError } from '@/lib/inventory/errors';
import { OrderError } from '@/lib/orders/errors';
import { TransitionError } from '@/lib/orders/state';
import { TotalsError } from '@/lib/checkout/totals';

const privateHeaders = { 'Cache-Control': 'private, no-store' };

// What POST /api/v1/checkout answers: the order as the server priced it, how to pay, where to go afterwards.
export function checkoutJson(result: CheckoutResult) {
  const { order, payment, pickupCode } = result;
  return apiJson(
    {
      order: {
        id: order.id, number: order.number, status: order.status, fulfilment: order.fulfilment, pickupLocationId: order.pickupLocationId,
        currency: order.currency, subtotalMinor: order.subtotalMinor, discountMinor: order.discountMinor, discountCode: order.discountCode,
        shippingMinor: order.shippingMinor, taxMinor: order.taxMinor, totalMinor: order.totalMinor,
        holdExpiresAt: order.holdExpiresAt?.toISOString() ?? null, lines: order.lines,
      },
      payment,
      pickupCode,
      confirmationUrl: `/orders/${order.id}`,
    },
    { status: 201, headers: privateHeaders },
  );
}

export function demoPaymentJson(body: { orderId: string; status: string; changed: boolean }) {
  return apiJson(body, { headers: privateHeaders });
}

// Out of stock carries the short lines, so the page can say which and offer another store or delivery.
export function checkoutErrorResponse(error: unknown) {
  if (error instanceof OutOfStockError) {
    const issues = error.lines.map((l) => ({ path: l.variantId, message: l.available ? `Only ${l.available} of ${l.name} left here.` : `${l.name} is out of stock here.` }));
    return apiJson({ error: { code: error.code, message: error.message, issues, locationId: error.locationId, lines: error.lines } }, { status: 409 });
  }
  if (error instanceof OrderError || error instanceof TotalsError || error instanceof TransitionError || error instanceof CartError || error instanceof AuthorizationError) {
    return apiError(error.status, error.code, error.message);
  }
  console.error('[checkout] request failed', error);
  return apiError(500, 'internal', 'Something went wrong placing your order. Nothing was charged; please try again.');
}
