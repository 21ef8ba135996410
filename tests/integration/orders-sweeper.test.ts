import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { createTestDatabase } from '../helpers/db';
import { ids, insertCheckoutWorld, oneJacket, pickupInput, stockAt } from './orders-fixtures';
import { deliverMessages } from '../helpers/messages';
import { placeTestOrder } from '../helpers/orders';

const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { pickupCodeMatches } = await import('@/lib/pickup/code');
const { runOrderSweep, startOrderSweeper } = await import('@/lib/orders/sweeper');
const { register } = await import('@/instrumentation');

const sweeperKey = Symbol.for('northwind.orderSweeper');
const g = globalThis as unknown as Record<symbol, NodeJS.Timeout | undefined>;
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

beforeAll(async () => {
  Object.assign(env, { stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
});
afterAll(() => {
  clearInterval(g[sweeperKey]);
  g[sweeperKey] = undefined;
});

describe('order sweeper', () => {
  it('cancels orders whose hold ran out and puts their stock back', async () => {
    const t0 = new Date();
    const { order } = await placeOrder(pickupInput([{ variantId: ids.scarce, quantity: 1 }]), t0);
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 1 });
    expect((await runOrderSweep(minutes(t0, env.HOLD_MINUTES - 1))).cancelledOrderIds).toEqual([]);
    expect((await runOrderSweep(minutes(t0, env.HOLD_MINUTES + 1))).cancelledOrderIds).toEqual([order.id]);
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 0 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('CANCELLED');
  });

  it('e-mails the pickup code, once, to a paid shopper whose confirmation e-mail was never sent', async () => {
    const t0 = new Date();
    const { order, pickupCode } = await placeTestOrder(oneJacket({ email: 'gone@example.com', paymentProvider: 'STRIPE' }), {
      then: 'paid',
      at: t0,
    });
    expect((await runOrderSweep(minutes(t0, 5))).confirmationsSent).toEqual([]);
    expect((await runOrderSweep(minutes(t0, 11))).confirmationsSent).toEqual([order.id]);
    expect((await runOrderSweep(minutes(t0, 12))).confirmationsSent).toEqual([]);

    await deliverMessages();
    const mail = await db.outboxMessage.findMany({ where: { to: 'gone@example.com' } });
    expect(mail).toHaveLength(1);
    const code = /Your pickup code: ([A-Z2-9]{6})/.exec(mail[0]?.text ?? '')?.[1];
    const { pickupCodeHash } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { pickupCodeHash: true } });
    expect(pickupCodeMatches(order.id, code!, pickupCodeHash!)).toBe(true);
    // The code the shopper's page showed, which keeps working (the order keeps it sealed for this e-mail).
    expect(code).toBe(pickupCode);
    expect(mail[0]?.html).toContain('data:image/png;base64,');
  });

  it('is not started by instrumentation under vitest, and once started never keeps the process alive', async () => {
    process.env.NEXT_RUNTIME = 'nodejs';
    try {
      await register();
    } finally {
      delete process.env.NEXT_RUNTIME;
    }
    expect(g[sweeperKey]).toBeUndefined();
    startOrderSweeper(60_000);
    const timer = g[sweeperKey];
    expect(timer?.hasRef()).toBe(false);
    startOrderSweeper(60_000);
    expect(g[sweeperKey]).toBe(timer);
  });
});
