import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { idempotencyKey } from '@/lib/payments/provider';
import { receiveStripeWebhook } from '@/lib/payments/webhook';

const secret = 'whsec_unit_test';
const saved = env.STRIPE_WEBHOOK_SECRET;
beforeAll(() => Object.assign(env, { STRIPE_WEBHOOK_SECRET: secret }));
afterAll(() => Object.assign(env, { STRIPE_WEBHOOK_SECRET: saved }));

const payload = (type: string) =>
  JSON.stringify({
    id: 'evt_unit_1',
    object: 'event',
    type,
    created: 1,
    data: { object: { id: 'pi_1', object: 'payment_intent', metadata: {} } },
  });

// None of these reach the database: verification and the allowlist come first.
describe('Stripe webhook verification', () => {
  it('refuses a missing, forged or stale signature with 400', async () => {
    const body = payload('payment_intent.succeeded');
    expect(await receiveStripeWebhook(body, null)).toMatchObject({ status: 400, code: 'bad_signature' });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_other' });
    expect(await receiveStripeWebhook(body, forged)).toMatchObject({ status: 400, code: 'bad_signature' });
    const stale = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(await receiveStripeWebhook(body, stale)).toMatchObject({ status: 400, code: 'bad_signature' });
  });

  it('acknowledges a correctly signed event type outside the allowlist without handling it', async () => {
    const body = payload('customer.created');
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    expect(await receiveStripeWebhook(body, header)).toEqual({ status: 200, body: { received: true, result: 'ignored' } });
  });

  it('is not found when no webhook secret is configured', async () => {
    Object.assign(env, { STRIPE_WEBHOOK_SECRET: undefined });
    try {
      expect(await receiveStripeWebhook(payload('payment_intent.succeeded'), 't=1,v1=x')).toMatchObject({ status: 404 });
    } finally {
      Object.assign(env, { STRIPE_WEBHOOK_SECRET: secret });
    }
  });

  it('derives one idempotency key per order and operation', () => {
    expect(idempotencyKey('ord_1', 'create')).toBe('order-ord_1-create');
    expect(
      new Set(['create', 'cancel', 'refund'].map((op) => idempotencyKey('ord_1', op as 'create')).concat(idempotencyKey('ord_2', 'create')))
        .size,
    ).toBe(4);
  });
});
