import 'server-only';
import { apiJson } from '@/lib/api/respond';
import { idempotencyKeySchema } from '@/lib/checkout/attempts';
import type { CheckoutResult } from '@/lib/checkout/checkout';
import { AppError } from '@/lib/errors';

const privateHeaders = { 'Cache-Control': 'private, no-store' };

// What POST /api/v1/checkout answers: the order as the server priced it, how to pay, where to go afterwards.
export function checkoutJson(result: CheckoutResult) {
  const { order, payment, pickupCode } = result;
  return apiJson(
    {
      order: {
        id: order.id,
        number: order.number,
        status: order.status,
        fulfilment: order.fulfilment,
        pickupLocationId: order.pickupLocationId,
        currency: order.currency,
        subtotalMinor: order.subtotalMinor,
        discountMinor: order.discountMinor,
        discountCode: order.discountCode,
        pointsRedeemed: order.pointsRedeemed,
        pointsDiscountMinor: order.pointsDiscountMinor,
        shippingMinor: order.shippingMinor,
        taxMinor: order.taxMinor,
        totalMinor: order.totalMinor,
        holdExpiresAt: order.holdExpiresAt?.toISOString() ?? null,
        lines: order.lines,
      },
      payment,
      pickupCode,
      confirmationUrl: `/orders/${order.id}`,
    },
    // A repeat of the attempt answers 200 with the same order; Idempotent-Replayed says so, as Stripe's API does.
    {
      status: result.repeated ? 200 : 201,
      headers: result.repeated ? { ...privateHeaders, 'Idempotent-Replayed': 'true' } : privateHeaders,
    },
  );
}

export function demoPaymentJson(body: { orderId: string; status: string; changed: boolean }) {
  return apiJson(body, { headers: privateHeaders });
}

// The Idempotency-Key header, if sent: the page sends one per checkout attempt and the same one when it retries it.
export function readIdempotencyKey(headers: Headers): string | null {
  const raw = headers.get('idempotency-key');
  if (raw === null) return null;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(400, 'bad_request', 'The Idempotency-Key header must be 8–200 visible ASCII characters.', {
      issues: [{ path: 'Idempotency-Key', message: parsed.error.issues[0]?.message ?? 'Not valid' }],
    });
  return parsed.data;
}
