import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PgBoss, type Job } from 'pg-boss';
import { deliverMessages } from '../helpers/messages';
import { startSmsApiDouble, type SmsApiDouble } from '../helpers/sms-api-double';
import { cookiesMock, device, ids, insertCartWorld, insertUser, json, signedInJar } from './cart-fixtures';

vi.mock('next/headers', () => cookiesMock());

const { db } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { enqueueMessage } = await import('@/lib/messaging/messages');
const { deliverMessage } = await import('@/lib/messaging/deliver');
const { recordConsent, getConsents } = await import('@/lib/messaging/consent');
const { sweepBagReminders, composeBagReminder } = await import('@/lib/messaging/bag-reminders');
const { unsubscribeToken } = await import('@/lib/messaging/unsubscribe');
const { twilioSignature } = await import('@/lib/messaging/twilio-signature');
const { inboundSmsUrl } = await import('@/lib/messaging/inbound');
const { startBoss } = await import('@/lib/jobs/boss');
const { MESSAGE_DELIVER, QUEUES } = await import('@/lib/jobs/queues');
const consentRoute = await import('@/app/api/v1/account/consent/route');
const unsubscribeRoute = await import('@/app/api/v1/messaging/unsubscribe/route');
const inboundRoute = await import('@/app/api/v1/messaging/sms/inbound/route');

const twilio = { accountSid: 'AC_test_northwind', authToken: 'twilio-test-token' };
let sms: SmsApiDouble;
// Noon in London (GMT in December): outside SMS quiet hours.
const noon = new Date('2026-12-07T12:00:00Z');
const outboxTo = (to: string) => db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  sms = await startSmsApiDouble(twilio);
  Object.assign(env, {
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+447700900000',
    TWILIO_API_BASE: sms.url,
  });
  await insertCartWorld(db);
  await startBoss();
});
afterAll(() => sms.close());

const email = (key: string, to: string, topic: 'ORDERS' | 'BAG_REMINDERS' | 'OFFERS' = 'ORDERS') => ({
  key,
  kind: 'test',
  channel: 'EMAIL' as const,
  topic,
  to,
  email: to,
  content: { subject: `Subject ${key}`, text: `Body ${key}` },
});

describe('the queue', () => {
  it('enqueues in the caller’s transaction: a rollback leaves no message and no job', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMessage(email('rolled-back', 'rollback@example.com'), { tx });
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await db.message.count({ where: { key: 'rolled-back' } })).toBe(0);
    await deliverMessages();
    expect(await outboxTo('rollback@example.com')).toHaveLength(0);
  });

  it('delivers each message once with two workers, a repeated cause and repeated jobs (a restart, the relay)', async () => {
    const recipients = Array.from({ length: 30 }, (_, i) => `two-workers-${i}@example.com`);
    await db.$transaction(async (tx) => {
      for (const to of recipients) await enqueueMessage(email(`tw:${to}`, to), { tx });
    });
    // The same causes again enqueue nothing; extra jobs for the same messages find them claimed or sent.
    for (const to of recipients) expect(await enqueueMessage(email(`tw:${to}`, to))).toBeNull();
    const boss = await startBoss();
    const ids = (await db.message.findMany({ where: { key: { startsWith: 'tw:' } }, select: { id: true } })).map((m) => m.id);
    for (const id of ids) await boss.send(MESSAGE_DELIVER, { messageId: id });

    // Two worker processes: two pg-boss instances with their own pools, polling the same queue.
    const workers = await Promise.all(
      [1, 2].map(async () => {
        const worker = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 3, supervise: false, schedule: false });
        await worker.start();
        await worker.work(MESSAGE_DELIVER, { batchSize: 5, pollingIntervalSeconds: 0.5 }, async (jobs: Job<{ messageId: string }>[]) => {
          for (const job of jobs) await deliverMessage(job.data.messageId);
        });
        return worker;
      }),
    );
    try {
      await expect.poll(() => db.message.count({ where: { key: { startsWith: 'tw:' }, status: 'SENT' } }), { timeout: 30_000 }).toBe(30);
    } finally {
      await Promise.all(workers.map((w) => w.stop({ graceful: true, timeout: 5_000 })));
    }
    const mail = await db.outboxMessage.groupBy({ by: ['to'], where: { to: { in: recipients } }, _count: true });
    expect(mail).toHaveLength(30);
    expect(mail.every((m) => m._count === 1)).toBe(true);
  });

  it('retries with exponential backoff, and a failed SMS transport is tried again without sending twice', async () => {
    expect(QUEUES[MESSAGE_DELIVER]).toMatchObject({ retryBackoff: true, retryLimit: 6 });
    await recordConsent('retry@example.com', [{ channel: 'SMS', topic: 'ORDERS', granted: true, phone: '+447911123111' }], {
      source: 'ACCOUNT',
    });
    const id = await enqueueMessage({
      key: 'retry-sms',
      kind: 'test',
      channel: 'SMS',
      topic: 'ORDERS',
      to: '+447911123111',
      email: 'retry@example.com',
      content: { text: 'Your order is ready.' },
    });
    sms.failNext = 1;
    await expect(deliverMessage(id!, { now: noon })).rejects.toThrow(/refused \(500\)/);
    expect(await db.message.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: 'QUEUED',
      lastError: expect.stringContaining('500'),
    });
    expect(await deliverMessage(id!, { now: noon })).toBe('sent');
    expect(await deliverMessage(id!, { now: noon })).toBe('not_queued');
    expect(sms.sent.filter((s) => s.to === '+447911123111')).toEqual([
      { accountSid: twilio.accountSid, to: '+447911123111', from: '+447700900000', body: 'Your order is ready.' },
    ]);
  });

  it('keeps an SMS due in quiet hours until 09:00 London time', async () => {
    await recordConsent('late@example.com', [{ channel: 'SMS', topic: 'ORDERS', granted: true, phone: '+447911123222' }], {
      source: 'CHECKOUT',
    });
    const id = await enqueueMessage({
      key: 'late-sms',
      kind: 'test',
      channel: 'SMS',
      topic: 'ORDERS',
      to: '+447911123222',
      email: 'late@example.com',
      content: { text: 'Ready.' },
    });
    // 22:30 in London on a summer evening (BST): it waits until 09:00 BST, 08:00 UTC.
    expect(await deliverMessage(id!, { now: new Date('2026-07-01T21:30:00Z') })).toBe('deferred');
    expect(await db.message.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: 'QUEUED',
      sendAfter: new Date('2026-07-02T08:00:00Z'),
    });
    expect(sms.sent.some((s) => s.to === '+447911123222')).toBe(false);
  });
});

describe('consent', () => {
  it('gates every non-order topic and SMS at send time; order e-mails always go', async () => {
    const to = 'gate@example.com';
    const bag = await enqueueMessage(email('gate-bag', to, 'BAG_REMINDERS'));
    const offer = await enqueueMessage(email('gate-offer', to, 'OFFERS'));
    const order = await enqueueMessage(email('gate-order', to, 'ORDERS'));
    const text = await enqueueMessage({
      key: 'gate-sms',
      kind: 'test',
      channel: 'SMS',
      topic: 'ORDERS',
      to: '+447911123333',
      email: to,
      content: { text: 'Hi' },
    });
    expect(await deliverMessage(bag!)).toBe('skipped');
    expect(await deliverMessage(offer!)).toBe('skipped');
    expect(await deliverMessage(order!)).toBe('sent');
    expect(await deliverMessage(text!, { now: noon })).toBe('skipped');
    expect((await outboxTo(to)).map((m) => m.subject)).toEqual(['Subject gate-order']);
  });

  it('GET/PUT /api/v1/account/consent: signed in only, E.164 numbers, order e-mails stay on, history appended', async () => {
    const user = await insertUser(db, 'prefs@example.com');
    const me = device(await signedInJar(user));
    expect((await device().call(() => consentRoute.GET(json('GET', '/api/v1/account/consent')))).status).toBe(401);
    const put = (body: unknown) => me.call(() => consentRoute.PUT(json('PUT', '/api/v1/account/consent', body)));
    expect((await put({ channel: 'sms', topic: 'orders', granted: true })).status).toBe(400);
    const bad = await put({ channel: 'sms', topic: 'orders', granted: true, phone: '12345' });
    expect(bad.status).toBe(400);
    expect(await db.consentEvent.count({ where: { email: 'prefs@example.com' } })).toBe(0);
    expect((await put({ channel: 'email', topic: 'orders', granted: false })).status).toBe(422);
    const ok = await put({ channel: 'sms', topic: 'orders', granted: true, phone: '07911 123444' });
    expect(ok.status).toBe(200);
    await put({ channel: 'sms', topic: 'orders', granted: false });
    const { consents } = (await (await me.call(() => consentRoute.GET(json('GET', '/api/v1/account/consent')))).json()) as {
      consents: { channel: string; topic: string; granted: boolean; phone: string | null; source: string | null }[];
    };
    expect(consents).toHaveLength(6);
    expect(consents.find((c) => c.channel === 'sms' && c.topic === 'orders')).toMatchObject({
      granted: false,
      phone: '+447911123444',
      source: 'account',
    });
    expect(consents.find((c) => c.channel === 'email' && c.topic === 'orders')).toMatchObject({ granted: true });
    const history = await db.consentEvent.findMany({ where: { email: 'prefs@example.com' }, orderBy: { createdAt: 'asc' } });
    expect(history.map((h) => [h.channel, h.topic, h.granted, h.source])).toEqual([
      ['SMS', 'ORDERS', true, 'ACCOUNT'],
      ['SMS', 'ORDERS', false, 'ACCOUNT'],
    ]);
  });

  it('inbound STOP: a bad signature is refused and changes nothing; a signed one withdraws SMS consent', async () => {
    const phone = '+447911123555';
    await recordConsent(
      'stop@example.com',
      [
        { channel: 'SMS', topic: 'ORDERS', granted: true, phone },
        { channel: 'SMS', topic: 'BAG_REMINDERS', granted: true, phone },
      ],
      { source: 'CHECKOUT' },
    );
    const params = { From: phone, To: '+447700900000', Body: 'Stop', MessageSid: 'SM1' };
    const post = (signature: string) =>
      inboundRoute.POST(
        new Request('http://localhost:3000/api/v1/messaging/sms/inbound', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          body: new URLSearchParams(params).toString(),
        }),
      );
    expect((await post(twilioSignature('wrong-token', inboundSmsUrl(), params))).status).toBe(403);
    expect((await getConsents('stop@example.com')).filter((c) => c.channel === 'SMS' && c.granted)).toHaveLength(2);
    const ok = await post(twilioSignature(twilio.authToken, inboundSmsUrl(), params));
    expect(ok.status).toBe(200);
    expect((await getConsents('stop@example.com')).filter((c) => c.channel === 'SMS' && c.granted)).toHaveLength(0);
    expect(await db.consentEvent.count({ where: { email: 'stop@example.com', source: 'SMS_STOP', granted: false } })).toBe(2);
  });

  it('one-click unsubscribe: a tampered token is refused; the signed one turns that topic off', async () => {
    const to = 'unsub@example.com';
    await recordConsent(
      to,
      [
        { channel: 'EMAIL', topic: 'BAG_REMINDERS', granted: true },
        { channel: 'EMAIL', topic: 'OFFERS', granted: true },
      ],
      { source: 'ACCOUNT' },
    );
    const token = unsubscribeToken(to, 'BAG_REMINDERS');
    const [value, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ e: to, t: 'OFFERS' })).toString('base64url')}.${mac}`;
    const post = (t: string) =>
      unsubscribeRoute.POST(
        new Request(`http://localhost:3000/api/v1/messaging/unsubscribe?token=${encodeURIComponent(t)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.net' },
          body: 'List-Unsubscribe=One-Click',
        }),
      );
    expect((await post(forged)).status).toBe(400);
    expect((await post(`${value}.x${mac}`)).status).toBe(400);
    expect((await post(token)).status).toBe(200);
    const states = await getConsents(to);
    expect(states.find((c) => c.channel === 'EMAIL' && c.topic === 'BAG_REMINDERS')).toMatchObject({
      granted: false,
      source: 'UNSUBSCRIBE',
    });
    expect(states.find((c) => c.channel === 'EMAIL' && c.topic === 'OFFERS')).toMatchObject({ granted: true });
  });
});

describe('bag reminders', () => {
  async function idleBag(address: string, idleSince: Date) {
    const user = await insertUser(db, address);
    const cart = await db.cart.create({ data: { userId: user.id, lines: { create: [{ variantId: ids.tee, quantity: 2 }] } } });
    await db.$executeRaw`UPDATE "Cart" SET "updatedAt" = ${idleSince} WHERE "id" = ${cart.id}`;
    return { user, cart };
  }

  it('one e-mail per bag version, with one-click unsubscribe, only with consent; the SMS a day later; none after a purchase', async () => {
    const t0 = new Date(Date.now() - 3 * 60 * 60_000);
    const { cart } = await idleBag('bag@example.com', t0);
    await idleBag('no-consent@example.com', t0);
    await recordConsent(
      'bag@example.com',
      [
        { channel: 'EMAIL', topic: 'BAG_REMINDERS', granted: true },
        { channel: 'SMS', topic: 'BAG_REMINDERS', granted: true, phone: '+447911123666' },
      ],
      { source: 'ACCOUNT' },
    );
    // Not yet idle for an hour: nothing.
    expect((await sweepBagReminders(new Date(t0.getTime() + 30 * 60_000))).started).toBe(0);
    const now = new Date();
    const sweeps = await Promise.all([sweepBagReminders(now), sweepBagReminders(now)]);
    expect(sweeps.reduce((n, s) => n + s.started, 0)).toBe(1);
    await deliverMessages();
    expect((await sweepBagReminders(now)).started).toBe(0);
    await deliverMessages();
    const mail = await outboxTo('bag@example.com');
    expect(mail.map((m) => m.subject)).toEqual(['You left something in your bag']);
    expect(mail[0]!.headers).toMatchObject({
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Unsubscribe': expect.stringMatching(/^<http.*\/api\/v1\/messaging\/unsubscribe\?token=/),
    });
    expect(mail[0]!.text).toContain('2 × ');
    expect(await outboxTo('no-consent@example.com')).toHaveLength(0);

    // 24 hours later the queued SMS step runs (a scheduled job): still not bought, so one SMS that says how to stop.
    expect(await composeBagReminder({ kind: 'bag_reminder', cartId: cart.id, version: cart.version, step: 'sms' })).toBe(true);
    const text = await db.message.findFirstOrThrow({ where: { key: `bag_reminder:${cart.id}:${cart.version}:sms` } });
    expect(await deliverMessage(text.id, { now: noon })).toBe('sent');
    expect(sms.sent.filter((s) => s.to === '+447911123666').map((s) => s.body)).toEqual([expect.stringContaining('Reply STOP')]);
  });

  it('stops the series once the bag is bought, and records the conversion', async () => {
    const t0 = new Date(Date.now() - 3 * 60 * 60_000);
    const { user, cart } = await idleBag('bought@example.com', t0);
    await recordConsent(
      'bought@example.com',
      [
        { channel: 'EMAIL', topic: 'BAG_REMINDERS', granted: true },
        { channel: 'SMS', topic: 'BAG_REMINDERS', granted: true, phone: '+447911123777' },
      ],
      { source: 'ACCOUNT' },
    );
    expect((await sweepBagReminders()).started).toBe(1);
    await db.order.create({
      data: {
        number: 'NW-BAG-1',
        userId: user.id,
        email: 'bought@example.com',
        channel: 'WEB_MOBILE',
        fulfilment: 'DELIVERY',
        subtotalMinor: 100,
        totalMinor: 100,
        cartId: cart.id,
        placedAt: new Date(Date.now() + 1000),
      },
    });
    expect(await composeBagReminder({ kind: 'bag_reminder', cartId: cart.id, version: cart.version, step: 'sms' })).toBe(false);
    expect((await sweepBagReminders(new Date(Date.now() + 2000))).converted).toBeGreaterThanOrEqual(1);
    expect(await db.bagReminder.findFirstOrThrow({ where: { cartId: cart.id } })).toMatchObject({ orderId: expect.any(String) });
  });
});
