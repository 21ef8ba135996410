// POST /api/webhooks/stripe – verify a Stripe event on its raw body and apply it to its order once
import { apiError, apiJson } from '@/lib/api/respond';
import { receiveStripeWebhook } from '@/lib/payments/webhook';

export async function POST(request: Request) {
  // The signature covers the exact bytes Stripe sent, so the body is read as text and never re-serialised.
  const rawBody = await request.text();
  const result = await receiveStripeWebhook(rawBody, request.headers.get('stripe-signature'));
  if (result.status !== 200) return apiError(result.status, result.code, result.message);
  return apiJson(result.body);
}
