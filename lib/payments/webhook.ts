import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';
import { afterResponse } from '@/lib/api/after-response';
import { env } from '@/lib/env';
import { onOrderConfirmed } from '@/lib/orders/after-confirmed';
import { applyPaymentEvent, type AppliedEvent, type PaymentOutcome } from './outcomes';
import { stripeProvider } from './stripe';

const HANDLED: Readonly<Record<string, PaymentOutcome>> = {
  'payment_intent.succeeded': 'succeeded',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'canceled',
};

// Stripe documents no maximum; a PaymentIntent event is a few KiB (metadata is at most 50 keys of 500 characters).
export const STRIPE_WEBHOOK_BODY_LIMIT = 256 * 1024;

const intentSchema = z.object({ id: z.string().min(1), metadata: z.record(z.string(), z.string()).nullish() });

export type WebhookResult =
  | { status: 200; body: { received: true; result: AppliedEvent['result'] | 'ignored' } }
  | { status: 400 | 404; code: string; message: string };

// Verifies the signature on the raw body before anything else; a forged or altered event writes nothing.
export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return { status: 404, code: 'not_configured', message: 'Stripe webhooks are not configured.' };
  if (!signature) return { status: 400, code: 'bad_signature', message: 'Missing Stripe-Signature header.' };
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, code: 'bad_signature', message: 'The Stripe signature does not match.' };
  }
  const outcome = HANDLED[event.type];
  if (!outcome) return { status: 200, body: { received: true, result: 'ignored' } };
  const intent = intentSchema.safeParse(event.data.object);
  if (!intent.success) return { status: 400, code: 'bad_event', message: 'The event carries no PaymentIntent.' };

  const applied = await applyPaymentEvent(
    { eventId: event.id, type: event.type, outcome, paymentIntentId: intent.data.id, orderId: intent.data.metadata?.orderId },
    async ({ order, action }) => {
      if (order.paymentProvider !== 'STRIPE') return;
      if (action === 'refund') await stripeProvider.refund(order);
      if (action === 'cancel_payment') await stripeProvider.cancel(order);
    },
  );
  if (applied.result === 'applied' && applied.changed && applied.status === 'PAID') {
    // Stripe only needs to know the event is recorded; the bag, the recommender and the e-mail follow just after.
    const orderId = applied.order.id;
    await afterResponse('stripe-webhook', () => onOrderConfirmed(orderId));
  }
  return { status: 200, body: { received: true, result: applied.result } };
}
