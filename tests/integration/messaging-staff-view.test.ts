import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, pickupInput } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';
import { deliverMessages } from '../helpers/messages';

// The staff 360° view (GET /api/v1/staff/orders/{id}/customer) shows the order's shopper's consent per channel and
// topic with when and where it changed, and their latest messages; only to staff of the order's store.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { startBoss } = await import('@/lib/jobs/boss');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { confirmPayAtPickup } = await import('@/lib/orders/transitions');
const { onOrderConfirmed } = await import('@/lib/orders/after-confirmed');
const { recordConsent } = await import('@/lib/messaging/consent');
const { sendEmail } = await import('@/lib/notifications/email');
const customerRoute = await import('@/app/api/v1/staff/orders/[id]/customer/route');

let riverside: Device;
let outlet: Device;
let shopperDevice: Device;
let shopperId: string;

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  await startBoss();
  const a = await insertStaff(db, 'staff.view@example.com', 'STAFF', [ids.store]);
  const b = await insertStaff(db, 'staff.elsewhere@example.com', 'STAFF', [ids.noPickup]);
  const shopper = await db.user.create({ data: { email: 'seen@example.com', name: 'Sasha' }, select: { id: true, email: true } });
  shopperId = shopper.id;
  riverside = device(await signIn(db, a, 'STAFF', [ids.store]));
  outlet = device(await signIn(db, b, 'STAFF', [ids.noPickup]));
  shopperDevice = device(await signIn(db, shopper, 'CUSTOMER'));
});

const customerOf = (d: Device, id: string) =>
  d.call(() => customerRoute.GET(json('GET', `/api/v1/staff/orders/${id}/customer`), { params: Promise.resolve({ id }) }));

type Messaging = {
  consents: { channel: string; topic: string; granted: boolean; required: boolean; source: string | null; changedAt: string | null }[];
  messages: { kind: string; channel: string; status: string; subject: string | null; createdAt: string; sentAt: string | null }[];
};

describe('the staff 360° view: consent and messages', () => {
  it('shows each channel × topic with when it changed, and the shopper’s latest messages, to staff of the store only', async () => {
    const checkoutAt = new Date('2026-12-01T10:00:00Z');
    const accountAt = new Date('2026-12-03T18:30:00Z');
    await recordConsent(
      'seen@example.com',
      [
        { channel: 'SMS', topic: 'ORDERS', granted: true, phone: '+447911300001' },
        { channel: 'EMAIL', topic: 'OFFERS', granted: true },
      ],
      { source: 'CHECKOUT', userId: shopperId, now: checkoutAt },
    );
    await recordConsent('seen@example.com', [{ channel: 'EMAIL', topic: 'OFFERS', granted: false }], {
      source: 'ACCOUNT',
      userId: shopperId,
      now: accountAt,
    });
    const placed = await placeOrder(
      pickupInput([{ variantId: ids.jacket, quantity: 1 }], {
        email: 'seen@example.com',
        userId: shopperId,
        paymentProvider: 'PAY_AT_PICKUP',
      }),
    );
    await confirmPayAtPickup(placed.order.id);
    await onOrderConfirmed(placed.order.id);
    // Someone else's message, which must not show.
    await sendEmail({ to: 'stranger@example.com', subject: 'Not yours', text: 'x' }, { key: 'stranger-1', kind: 'test' });
    await deliverMessages();

    const res = await customerOf(riverside, placed.order.id);
    expect(res.status).toBe(200);
    const { messaging } = ((await res.json()) as { customer: { messaging: Messaging } }).customer;
    const state = (channel: string, topic: string) => messaging.consents.find((c) => c.channel === channel && c.topic === topic);
    expect(messaging.consents).toHaveLength(6);
    expect(state('email', 'orders')).toMatchObject({ granted: true, required: true });
    expect(state('sms', 'orders')).toEqual({
      channel: 'sms',
      topic: 'orders',
      granted: true,
      required: false,
      source: 'checkout',
      changedAt: checkoutAt.toISOString(),
    });
    expect(state('email', 'offers')).toMatchObject({ granted: false, source: 'account', changedAt: accountAt.toISOString() });
    expect(state('email', 'bag_reminders')).toMatchObject({ granted: false, source: null, changedAt: null });

    expect(messaging.messages).toEqual([
      {
        kind: 'order_confirmation',
        channel: 'email',
        status: 'sent',
        subject: `Order ${placed.order.number} confirmed`,
        createdAt: expect.any(String),
        sentAt: expect.any(String),
      },
    ]);

    // Staff of another store and the shopper themself get nothing.
    expect((await customerOf(outlet, placed.order.id)).status).toBe(404);
    expect((await customerOf(shopperDevice, placed.order.id)).status).toBe(403);
  });
});
