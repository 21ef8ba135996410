import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { startStripeApiDouble, type StripeApiDouble } from '../helpers/stripe-api-double';
import { ids, insertCheckoutWorld, pickupInput, stockAt } from './orders-fixtures';
import { insertStaff } from './staff-fixtures';
import { deliverMessages } from '../helpers/messages';

// Ready orders nobody collects: reminders 48 and 24 hours before the cut-off (tests/integration/messaging-pickup-
// reminders.test.ts has them in detail), then (after the store's pickupHoldDays, 5 by default)
// cancelled, stock back on the shelf, an online payment refunded, the shopper told; run by several sweepers at once.
const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { confirmPayAtPickup, markPaid } = await import('@/lib/orders/transitions');
const { pickLines, markReady } = await import('@/lib/pickup/picking');
const { runOrderSweep } = await import('@/lib/orders/sweeper');

let double: StripeApiDouble;
let staff: SessionUser;
const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  double = await startStripeApiDouble();
  Object.assign(env, { STRIPE_SECRET_KEY: 'sk_test_double', stripeEnabled: true, STRIPE_API_BASE: double.url, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  await db.stock.update({ where: { variantId_locationId: { variantId: ids.jacket, locationId: ids.store } }, data: { onHand: 100 } });
  const user = await insertStaff(db, 'staff.noshow@example.com', 'STAFF', [ids.store]);
  staff = { id: user.id, email: user.email, name: null, role: 'STAFF', storeIds: [ids.store] };
});
afterAll(() => double.close());

// An order made ready at `readyAt`, paid online through Stripe or reserved to pay at the counter.
async function readyAt(readyTime: Date, kind: 'stripe' | 'pay_at_pickup', email: string) {
  const placed = await placeOrder(
    pickupInput([{ variantId: ids.jacket, quantity: 2 }], { email, paymentProvider: kind === 'stripe' ? 'DEMO' : 'PAY_AT_PICKUP' }),
  );
  const id = placed.order.id;
  if (kind === 'stripe') {
    await markPaid(id);
    const intent = `pi_${id}`;
    await db.order.update({ where: { id }, data: { paymentProvider: 'STRIPE', paymentIntentId: intent } });
    double.intents.set(intent, {
      id: intent,
      object: 'payment_intent',
      amount: placed.order.totalMinor,
      currency: 'gbp',
      status: 'succeeded',
      client_secret: `${intent}_secret`,
      receipt_email: email,
      metadata: { orderId: id },
      amount_refunded: 0,
    });
  } else {
    await confirmPayAtPickup(id);
  }
  const lines = await db.orderLine.findMany({ where: { orderId: id }, select: { id: true } });
  await pickLines(staff, id, ids.store, { lines: lines.map((l) => ({ lineId: l.id, status: 'picked' as const })) }, readyTime);
  await markReady(staff, id, ids.store, readyTime);
  return placed.order;
}

// What the queue's workers have delivered by now (lib/jobs).
const mailsTo = async (to: string, subject: string) => {
  await deliverMessages();
  return db.outboxMessage.count({ where: { to, subject: { contains: subject } } });
};

describe('the no-show sweeper', () => {
  it('reminds once 48 hours before the cut-off, then cancels a pay-at-pickup order once after 5 days, releasing its held stock', async () => {
    const t0 = new Date(Date.now() - 10 * DAY);
    const email = 'late-cash@example.com';
    const order = await readyAt(t0, 'pay_at_pickup', email);
    const held = await stockAt(db, ids.jacket);

    expect((await runOrderSweep(new Date(t0.getTime() + 2 * DAY + 60_000))).pickupReminders).not.toContain(order.id);
    const reminders = await Promise.all([
      runOrderSweep(new Date(t0.getTime() + 3 * DAY + 60_000)),
      runOrderSweep(new Date(t0.getTime() + 3 * DAY + 60_000)),
    ]);
    expect(reminders.filter((r) => r.pickupReminders.includes(order.id))).toHaveLength(1);
    expect(await mailsTo(email, 'is waiting for you at Riverside')).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('READY_FOR_PICKUP');

    expect((await runOrderSweep(new Date(t0.getTime() + 5 * DAY - 60_000))).notCollected).not.toContain(order.id);
    const later = new Date(t0.getTime() + 5 * DAY + 60_000);
    const sweeps = await Promise.all([runOrderSweep(later), runOrderSweep(later), runOrderSweep(later)]);
    expect(sweeps.filter((s) => s.notCollected.includes(order.id))).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('CANCELLED');
    expect((await db.pickup.findUniqueOrThrow({ where: { orderId: order.id } })).status).toBe('NOT_COLLECTED');
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: held.onHand, reserved: held.reserved - 2 });
    expect(await mailsTo(email, 'was not collected')).toBe(1);
  });

  it('refunds an online payment exactly once and puts the stock back, however many sweepers run', async () => {
    const t0 = new Date(Date.now() - 10 * DAY);
    const email = 'late-card@example.com';
    const order = await readyAt(t0, 'stripe', email);
    const sold = await stockAt(db, ids.jacket);
    const later = new Date(t0.getTime() + 6 * DAY);
    const sweeps = await Promise.all([runOrderSweep(later), runOrderSweep(later), runOrderSweep(later)]);
    expect(sweeps.filter((s) => s.notCollected.includes(order.id))).toHaveLength(1);
    expect(double.calls.filter((c) => c.path === '/v1/refunds' && c.form.get('payment_intent') === `pi_${order.id}`)).toHaveLength(1);
    expect(double.intents.get(`pi_${order.id}`)!.amount_refunded).toBe(order.totalMinor);
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: sold.onHand + 2, reserved: sold.reserved });
    expect(await mailsTo(email, 'was not collected')).toBe(1);
    // Once more later: nothing left to do.
    expect((await runOrderSweep(new Date(later.getTime() + DAY))).notCollected).toEqual([]);
  });

  it('waits the store’s own number of days', async () => {
    await db.location.update({ where: { id: ids.store }, data: { pickupHoldDays: 8 } });
    try {
      const t0 = new Date(Date.now() - 20 * DAY);
      const order = await readyAt(t0, 'pay_at_pickup', 'late-eight@example.com');
      expect((await runOrderSweep(new Date(t0.getTime() + 6 * DAY))).notCollected).not.toContain(order.id);
      expect((await runOrderSweep(new Date(t0.getTime() + 8 * DAY + 60_000))).notCollected).toContain(order.id);
    } finally {
      await db.location.update({ where: { id: ids.store }, data: { pickupHoldDays: 5 } });
    }
  });
});
