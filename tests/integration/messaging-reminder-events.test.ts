import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deliverMessages } from '../helpers/messages';
import { device, ids, insertCartWorld, insertUser, json, Jar, signedInJar, type Device } from './cart-fixtures';

// Analytics for bag reminders: REMINDER_SENT once the worker has sent one (with the bag, its owner and the channel
// the bag was filled on), REMINDER_OPENED when the shopper follows the reminder's link (the device they opened it on).
vi.mock('next/headers', async () => (await import('./cart-fixtures')).requestMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { flushEvents } = await import('@/lib/analytics/record');
const { recordConsent } = await import('@/lib/messaging/consent');
const { sweepBagReminders } = await import('@/lib/messaging/bag-reminders');
const { startBoss } = await import('@/lib/jobs/boss');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const openRoute = await import('@/app/(shop)/cart/reminder/[id]/route');
const devRoute = await import('@/app/dev/mail/bag-reminders/route');

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

function browser(jar: Jar, userAgent: string, hints: Record<string, string> = {}): Device {
  Object.assign(jar, { requestHeaders: new Headers({ 'user-agent': userAgent, ...hints }) });
  return device(jar);
}

const events = async (type: 'REMINDER_SENT' | 'REMINDER_OPENED') => {
  await flushEvents();
  return db.commerceEvent.findMany({ where: { type }, select: { cartId: true, customerId: true, channel: true } });
};

beforeAll(async () => {
  Object.assign(env, { SMTP_URL: undefined, ANALYTICS_RECORDING: 'on' });
  await insertCartWorld(db);
  await startBoss();
});

describe('bag reminder events', () => {
  it('records REMINDER_SENT once the reminder is sent, and REMINDER_OPENED on the device that opens its link', async () => {
    const user = await insertUser(db, 'events@example.com');
    await recordConsent('events@example.com', [{ channel: 'EMAIL', topic: 'BAG_REMINDERS', granted: true }], { source: 'ACCOUNT' });
    // The bag is filled on a phone…
    const phone = browser(await signedInJar(user), IPHONE);
    const added = await phone.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.tee, quantity: 2 })));
    expect(added.status).toBe(201);
    const cart = await db.cart.findUniqueOrThrow({ where: { userId: user.id } });
    await db.$executeRaw`UPDATE "Cart" SET "updatedAt" = ${new Date(Date.now() - 2 * 60 * 60_000)} WHERE "id" = ${cart.id}`;

    // …reminded about an hour later: nothing is recorded until the worker has sent it.
    expect((await sweepBagReminders()).started).toBe(1);
    expect(await events('REMINDER_SENT')).toEqual([]);
    await deliverMessages();
    expect(await events('REMINDER_SENT')).toEqual([{ cartId: cart.id, customerId: user.id, channel: 'PHONE_WEB' }]);

    // …and opened on a desktop from the e-mail's link, which lands on the bag.
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: 'events@example.com' } });
    const link = /(https?:\/\/\S+\/cart\/reminder\/(\S+))/.exec(mail.text);
    expect(link).not.toBeNull();
    const laptop = browser(await signedInJar(user), DESKTOP, { 'sec-ch-ua-mobile': '?0' });
    const opened = await laptop.call(() => openRoute.GET(new Request(link![1]!), { params: Promise.resolve({ id: link![2]! }) }));
    expect(opened.status).toBe(303);
    expect(new URL(opened.headers.get('location')!).pathname).toBe('/cart');
    expect(await events('REMINDER_OPENED')).toEqual([{ cartId: cart.id, customerId: user.id, channel: 'DESKTOP_WEB' }]);

    // A mangled link still shows the bag and records nothing.
    const mangled = await laptop.call(() =>
      openRoute.GET(new Request('http://localhost/cart/reminder/bag_nope'), { params: Promise.resolve({ id: 'bag_nope' }) }),
    );
    expect(mangled.status).toBe(303);
    expect(await events('REMINDER_OPENED')).toHaveLength(1);
  });

  it('POST /dev/mail/bag-reminders starts a just-left bag’s reminder, only where the development outbox is', async () => {
    const user = await insertUser(db, 'dev-outbox@example.com');
    await recordConsent('dev-outbox@example.com', [{ channel: 'EMAIL', topic: 'BAG_REMINDERS', granted: true }], { source: 'ACCOUNT' });
    await db.cart.create({ data: { userId: user.id, lines: { create: [{ variantId: ids.tee, quantity: 1 }] } } });
    const post = () => devRoute.POST(json('POST', '/dev/mail/bag-reminders'));
    const saved = { devMailEnabled: env.devMailEnabled, SMTP_URL: env.SMTP_URL };
    try {
      Object.assign(env, { devMailEnabled: false, SMTP_URL: undefined });
      expect((await post()).status).toBe(404);
      Object.assign(env, { devMailEnabled: true, SMTP_URL: 'smtp://mail.example.com:587' });
      expect((await post()).status).toBe(404);
      expect(await db.bagReminder.count({ where: { email: 'dev-outbox@example.com' } })).toBe(0);
      Object.assign(env, { SMTP_URL: undefined });
      const res = await post();
      expect(res.status).toBe(200);
      expect(((await res.json()) as { started: number }).started).toBeGreaterThanOrEqual(1);
      expect(await db.bagReminder.count({ where: { email: 'dev-outbox@example.com' } })).toBe(1);
    } finally {
      Object.assign(env, saved);
    }
  });
});
