import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db';
import { deliveryInput, ids, insertCheckoutWorld, oneJacket, pickupInput, stockAt } from './orders-fixtures';
import { demoPaymentsOnly } from '../helpers/orders';

const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { releaseExpiredHolds } = await import('@/lib/inventory/holds');
const { getPaymentProvider, availablePaymentMethods, paymentKindFor } = await import('@/lib/payments/providers');
const { completeDemoPayment } = await import('@/lib/payments/demo');

beforeAll(async () => {
  // The embedded default: no Stripe keys, demo mode on.
  await demoPaymentsOnly();
  await insertCheckoutWorld(db);
});

const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe('demo payments', () => {
  it('offers the demo sheet for online payment when Stripe is not configured', () => {
    expect(paymentKindFor('online')).toBe('DEMO');
    expect(availablePaymentMethods('PICKUP')).toEqual(['online', 'pay_at_pickup']);
    expect(availablePaymentMethods('DELIVERY')).toEqual(['online']);
  });

  it('succeeds once, however often the button is pressed, turning the hold into a sale', async () => {
    const { order } = await placeOrder(pickupInput([{ variantId: ids.jacket, quantity: 2 }]));
    expect(await getPaymentProvider('DEMO').createPayment(order)).toEqual({
      provider: 'DEMO',
      status: 'requires_payment',
      outcomes: ['succeed', 'decline', 'requires_action'],
    });
    expect(await completeDemoPayment(order.id, 'requires_action')).toEqual({ status: 'requires_action', changed: false });
    expect(await statusOf(order.id)).toBe('PENDING');
    const taps = await Promise.all([completeDemoPayment(order.id, 'succeed'), completeDemoPayment(order.id, 'succeed')]);
    expect(taps.map((t) => t.changed).sort()).toEqual([false, true]);
    expect(await statusOf(order.id)).toBe('PAID');
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: 3, reserved: 0 });
    // A decline pressed after the payment went through changes nothing.
    expect(await completeDemoPayment(order.id, 'decline')).toEqual({ status: 'PAID', changed: false });
  });

  it('releases the hold when the payment is declined', async () => {
    const { order } = await placeOrder(deliveryInput([{ variantId: ids.boots, quantity: 3 }]));
    await getPaymentProvider('DEMO').createPayment(order);
    expect(await stockAt(db, ids.boots, ids.warehouse)).toEqual({ onHand: 50, reserved: 3 });
    expect(await completeDemoPayment(order.id, 'decline')).toEqual({ status: 'CANCELLED', changed: true });
    expect(await stockAt(db, ids.boots, ids.warehouse)).toEqual({ onHand: 50, reserved: 0 });
    expect(await completeDemoPayment(order.id, 'succeed')).toEqual({ status: 'CANCELLED', changed: false });
  });

  it('is refused when Stripe keys are set', async () => {
    const { order } = await placeOrder(oneJacket());
    await getPaymentProvider('DEMO').createPayment(order);
    Object.assign(env, { stripeEnabled: true });
    try {
      expect(paymentKindFor('online')).toBe('STRIPE');
      await expect(completeDemoPayment(order.id, 'succeed')).rejects.toMatchObject({ code: 'payment_not_allowed' });
      expect(await statusOf(order.id)).toBe('PENDING');
    } finally {
      Object.assign(env, { stripeEnabled: false });
    }
  });
});

describe('pay at pickup', () => {
  it('confirms the order and keeps the stock held past the payment window, until the store closes the next day', async () => {
    const t0 = new Date();
    const { order } = await placeOrder(pickupInput([{ variantId: ids.scarce, quantity: 1 }], { paymentProvider: 'PAY_AT_PICKUP' }), t0);
    expect(await getPaymentProvider('PAY_AT_PICKUP').createPayment(order)).toEqual({ provider: 'PAY_AT_PICKUP', status: 'confirmed' });
    const confirmed = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true, holdExpiresAt: true, paymentProvider: true },
    });
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', paymentProvider: 'PAY_AT_PICKUP' });
    const hours = (confirmed.holdExpiresAt!.getTime() - t0.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(15);
    expect(hours).toBeLessThan(48);
    const holds = await db.stockHold.findMany({ where: { orderId: order.id }, select: { expiresAt: true } });
    expect(holds.map((h) => h.expiresAt.getTime())).toEqual([confirmed.holdExpiresAt!.getTime()]);

    await releaseExpiredHolds(new Date(t0.getTime() + 60 * 60_000));
    expect(await statusOf(order.id)).toBe('CONFIRMED');
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 1 });
    await releaseExpiredHolds(new Date(confirmed.holdExpiresAt!.getTime() + 1));
    expect(await statusOf(order.id)).toBe('CANCELLED');
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 0 });
  });

  it('is refused for delivery orders', async () => {
    const { order } = await placeOrder(deliveryInput([{ variantId: ids.jacket, quantity: 1 }]));
    await expect(getPaymentProvider('PAY_AT_PICKUP').createPayment(order)).rejects.toMatchObject({ code: 'payment_not_allowed' });
    expect(await statusOf(order.id)).toBe('PENDING');
  });
});
