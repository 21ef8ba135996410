import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock } from './cart-fixtures';
import { ids, insertCheckoutWorld, pickupInput } from './orders-fixtures';

// Issue 19 item 7: one ready-by computation, with the store's last collection before closing, behind every place a
// pickup promise is shown: the store picker's label, the order page and e-mail, and the staff queue's card.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { markPaid } = await import('@/lib/orders/transitions');
const { getOrderSummaryOrThrow } = await import('@/lib/orders/view');
const { describeOrder } = await import('@/lib/orders/detail');
const { getStore } = await import('@/lib/stores/stores');
const { staffOrderCard } = await import('@/lib/pickup/queue');

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
});

// The world's store opens 10:00–19:00 every day with the default 120-minute lead time. Wednesday 3 June 2026,
// 16:30 BST: ready at 18:30, which is after a 45-minute last collection (18:15), so tomorrow at opening.
const paidAt = new Date('2026-06-03T15:30:00Z');
const tomorrowAtTen = '2026-06-04T09:00:00.000Z';

describe('the ready-by promise', () => {
  it('a new store has its last collection 30 minutes before closing', async () => {
    const store = await getStore(ids.store, paidAt);
    expect(store?.pickup).toMatchObject({ leadMinutes: 120, cutoffMinutes: 30 });
    // Ready at 18:30, which is the last collection itself (19:00 less 30 minutes): promised for tomorrow instead.
    expect(store?.pickup.label).toBe('Ready tomorrow at 10:00');
    // An hour earlier the same order is ready today.
    expect((await getStore(ids.store, new Date('2026-06-03T14:30:00Z')))?.pickup.label).toBe('Ready today from 17:30');
  });

  it('is the same on the store picker, the order page and the staff queue, and follows the store’s own cutoff', async () => {
    await db.location.update({ where: { id: ids.store }, data: { pickupCutoffMinutes: 45 } });
    const placed = await placeOrder(pickupInput([{ variantId: ids.jacket, quantity: 1 }]));
    await markPaid(placed.order.id);
    await db.order.update({ where: { id: placed.order.id }, data: { paidAt } });

    const store = await getStore(ids.store, paidAt);
    expect(store?.pickup.cutoffMinutes).toBe(45);
    expect(store?.pickup.readyBy).toMatchObject({ at: tomorrowAtTen, label: 'Ready tomorrow at 10:00' });

    const detail = await describeOrder(await getOrderSummaryOrThrow(placed.order.id), paidAt);
    expect(detail.fulfilmentView).toMatchObject({ kind: 'PICKUP', readyBy: 'Ready to collect from Thursday 4 June at 10:00' });

    const card = await staffOrderCard(placed.order.id, paidAt);
    expect(card.readyBy).toBe(tomorrowAtTen);

    // With no margin the same payment would have been promised for 18:30 today, when the store is about to close.
    await db.location.update({ where: { id: ids.store }, data: { pickupCutoffMinutes: 0 } });
    expect((await getStore(ids.store, paidAt))?.pickup.label).toBe('Ready today from 18:30');
    expect((await staffOrderCard(placed.order.id, paidAt)).readyBy).toBe('2026-06-03T17:30:00.000Z');
  });
});
