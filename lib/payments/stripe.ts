import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';
import { attachPaymentIntent } from '@/lib/orders/transitions';
import { idempotencyKey, type PaidOrderRef, type PaymentOrder, type PaymentProvider, type PaymentStart } from './provider';

let cached: { key: string; base: string | undefined; client: Stripe } | undefined;

// STRIPE_API_BASE points the SDK at another host (tests use a local HTTP stand-in for Stripe's API).
function stripeClient(): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set.');
  if (cached?.key === key && cached.base === env.STRIPE_API_BASE) return cached.client;
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : undefined;
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  const client = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base ? { host: base.hostname, port: base.port || (protocol === 'http' ? 80 : 443), protocol } : {}),
  });
  cached = { key, base: env.STRIPE_API_BASE, client };
  return client;
}

// For the pages that show Stripe's elements: read when a page is served (never inlined into a build), so the same
// build serves a shop with Stripe and one without.
export function stripePublishableKey(): string | null {
  return env.stripeEnabled ? (env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? null) : null;
}

function requireIntent(order: PaidOrderRef): string {
  if (!order.paymentIntentId) throw new Error(`Order ${order.id} has no Stripe PaymentIntent.`);
  return order.paymentIntentId;
}

export const stripeProvider: PaymentProvider = {
  kind: 'STRIPE',
  async createPayment(order: PaymentOrder): Promise<PaymentStart> {
    const intent = await stripeClient().paymentIntents.create(
      {
        amount: order.totalMinor,
        currency: order.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        receipt_email: order.email,
        description: `Northwind Supply order ${order.number}`,
        metadata: { orderId: order.id, orderNumber: order.number },
      },
      { idempotencyKey: idempotencyKey(order.id, 'create') },
    );
    if (!intent.client_secret) throw new Error(`Stripe returned no client secret for ${intent.id}.`);
    await attachPaymentIntent(order.id, intent.id);
    return { provider: 'STRIPE', status: 'requires_payment', clientSecret: intent.client_secret, paymentIntentId: intent.id };
  },
  async cancel(order: PaidOrderRef): Promise<void> {
    await stripeClient().paymentIntents.cancel(requireIntent(order), {}, { idempotencyKey: idempotencyKey(order.id, 'cancel') });
  },
  async refund(order: PaidOrderRef): Promise<void> {
    await stripeClient().refunds.create({ payment_intent: requireIntent(order) }, { idempotencyKey: idempotencyKey(order.id, 'refund') });
  },
  async refundPart(order: PaidOrderRef, amountMinor: number, key: string): Promise<void> {
    await stripeClient().refunds.create({ payment_intent: requireIntent(order), amount: amountMinor }, { idempotencyKey: key });
  },
};
