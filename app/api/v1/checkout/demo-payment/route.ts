// POST /api/v1/checkout/demo-payment – the demo test sheet's answer for an order ({ orderId, outcome })
import { badRequest, malformedBody, readJson } from '@/lib/api/respond';
import { getSessionUser } from '@/lib/auth/session';
import { refuseCrossSite } from '@/lib/cart/api';
import { checkoutErrorResponse, demoPaymentJson } from '@/lib/checkout/api';
import { payDemoOrder } from '@/lib/checkout/checkout';
import { findReceipt } from '@/lib/orders/receipts';
import { demoPaymentBodySchema } from '@/lib/checkout/schemas';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return malformedBody();
  const parsed = demoPaymentBodySchema.safeParse(body.value);
  if (!parsed.success) return badRequest(parsed.error);
  const { orderId, outcome } = parsed.data;
  try {
    const [user, receipt] = await Promise.all([getSessionUser(), findReceipt(orderId)]);
    const result = await payDemoOrder({ user, receipt }, orderId, outcome);
    return demoPaymentJson({ orderId, ...result });
  } catch (error) {
    return checkoutErrorResponse(error);
  }
}
