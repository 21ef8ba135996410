// POST /api/webhooks/stripe – verify a Stripe event on its raw body and apply it to its order once
import { apiError, apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { receiveStripeWebhook, STRIPE_WEBHOOK_BODY_LIMIT } from '@/lib/payments/webhook';

// Stripe's servers send no Origin; the signature, not the origin, is what proves the sender. The signature
// covers the exact bytes Stripe sent, so the body is read as text and never re-serialised.
const spec = { body: 'text', bodyLimit: STRIPE_WEBHOOK_BODY_LIMIT, crossSite: 'allow', label: 'stripe-webhook' } as const;

export const POST = route(spec, async ({ request, body }) => {
  const result = await receiveStripeWebhook(body, request.headers.get('stripe-signature'));
  if (result.status !== 200) return apiError(result.status, result.code, result.message);
  return apiJson(result.body);
});
