import { beforeAll, describe, expect, it } from 'vitest';
import { deliverMessages } from '../helpers/messages';
import { ids, insertCheckoutWorld, pickupInput } from './orders-fixtures';

// Notices the message sweep sends: "back in stock" once per request when its variant can be bought again (here,
// when a cancelled order's held stock is released), and "your points expire soon" 30 days before, as an offer.
const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { startBoss } = await import('@/lib/jobs/boss');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { cancelOrder } = await import('@/lib/orders/cancel');
const { requestBackInStock } = await import('@/lib/back-in-stock/requests');
const { sendBackInStockEmails } = await import('@/lib/back-in-stock/notify');
const { adjustPoints } = await import('@/lib/loyalty/adjust');
const { sendPointsExpiringReminders } = await import('@/lib/messaging/points-expiring');
const { recordConsent } = await import('@/lib/messaging/consent');

const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  Object.assign(env, { SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  await startBoss();
});

describe('back in stock', () => {
  it('e-mails each request once when its variant can be bought again, then marks it done', async () => {
    // The last one in the size is held by an order: sold out everywhere, so two shoppers ask to be told.
    const placed = await placeOrder(pickupInput([{ variantId: ids.scarce, quantity: 1 }], { email: 'holder@example.com' }));
    await requestBackInStock({ email: 'wants-scarce@example.com', variantId: ids.scarce }, '198.51.100.1');
    await requestBackInStock({ email: 'also-scarce@example.com', variantId: ids.scarce }, '198.51.100.2');
    expect(await sendBackInStockEmails()).toBe(0);

    await cancelOrder({ user: null, receiptOrderIds: [placed.order.id], placedOrderIds: [placed.order.id] }, placed.order.id);
    const sweeps = await Promise.all([sendBackInStockEmails(), sendBackInStockEmails()]);
    expect(sweeps[0] + sweeps[1]).toBe(2);
    expect(await sendBackInStockEmails()).toBe(0);
    await deliverMessages();

    const mails = await db.outboxMessage.findMany({ where: { to: 'wants-scarce@example.com' } });
    expect(mails.map((m) => m.subject)).toEqual(['Trail Jacket is back in stock']);
    expect(mails[0]!.text).toContain('Trail Jacket (XS), which you asked us about, is back in stock');
    expect(mails[0]!.text).toContain('/p/trail-jacket');
    expect(await db.outboxMessage.count({ where: { to: 'also-scarce@example.com' } })).toBe(1);
    const requests = await db.backInStockRequest.findMany({ where: { variantId: ids.scarce } });
    expect(requests.every((r) => r.sentAt !== null)).toBe(true);
  });
});

describe('points about to expire', () => {
  async function member(email: string, points: number, at: Date) {
    const user = await db.user.create({ data: { email } });
    await adjustPoints({ userId: user.id, points, idempotencyKey: `goodwill:${email}` }, db, at);
    const lot = await db.loyaltyEntry.findFirstOrThrow({ where: { account: { userId: user.id } } });
    return { user, account: lot.accountId, expiresAt: lot.expiresAt! };
  }

  it('one e-mail 30 days before, per account and date, to members who agreed to offers, with one-click unsubscribe', async () => {
    const earned = new Date('2026-03-10T12:00:00Z');
    const keen = await member('keen@example.com', 450, earned);
    const quiet = await member('quiet@example.com', 200, earned);
    await recordConsent('keen@example.com', [{ channel: 'EMAIL', topic: 'OFFERS', granted: true }], { source: 'ACCOUNT' });

    expect(await sendPointsExpiringReminders(new Date(keen.expiresAt.getTime() - 31 * DAY))).toBe(0);
    const due = new Date(keen.expiresAt.getTime() - 30 * DAY + 60_000);
    const sweeps = await Promise.all([sendPointsExpiringReminders(due), sendPointsExpiringReminders(due)]);
    expect(sweeps[0] + sweeps[1]).toBe(2);
    expect(await sendPointsExpiringReminders(new Date(due.getTime() + DAY))).toBe(0);
    const keys = (await db.message.findMany({ where: { kind: 'points_expiring' }, select: { key: true } })).map((m) => m.key).sort();
    const date = keen.expiresAt.toISOString().slice(0, 10);
    expect(keys).toEqual([`points_expiring:${keen.account}:${date}:email`, `points_expiring:${quiet.account}:${date}:email`].sort());

    await deliverMessages();
    const [mail, ...more] = await db.outboxMessage.findMany({ where: { to: 'keen@example.com' } });
    expect(more).toEqual([]);
    expect(mail!.subject).toMatch(/^450 Northwind Rewards points expire on \d+ \w+ 2027$/);
    expect(mail!.text).toContain('worth up to £4.00');
    expect(mail!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    // Without consent to offers the reminder is written (so it is not tried again) but never sent.
    expect(await db.outboxMessage.count({ where: { to: 'quiet@example.com' } })).toBe(0);
    expect(await db.message.findFirstOrThrow({ where: { kind: 'points_expiring', email: 'quiet@example.com' } })).toMatchObject({
      status: 'SKIPPED',
    });
  });
});
