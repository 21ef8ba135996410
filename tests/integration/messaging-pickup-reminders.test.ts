import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { deliverMessages } from '../helpers/messages';
import { ids, insertCheckoutWorld, pickupInput } from './orders-fixtures';
import { insertStaff } from './staff-fixtures';

// "Not yet collected" reminders 48 and 24 hours before the store's cut-off (readyAt + pickupHoldDays): an e-mail
// always, an SMS with SMS order consent, each once per order however many sweepers run, none once the order is
// collected (even an SMS already queued), the SMS kept out of quiet hours. The clock is moved by passing `now`.
const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { markPaid } = await import('@/lib/orders/transitions');
const { pickLines, markReady } = await import('@/lib/pickup/picking');
const { handOver } = await import('@/lib/pickup/handover');
const { sweepNotCollected } = await import('@/lib/pickup/no-show');
const { recordConsent } = await import('@/lib/messaging/consent');
const { deliverMessage } = await import('@/lib/messaging/deliver');

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
let staff: SessionUser;

beforeAll(async () => {
  Object.assign(env, { SMTP_URL: undefined, TWILIO_ACCOUNT_SID: undefined, SMS_QUIET_HOURS: '21-9' });
  await insertCheckoutWorld(db);
  await db.stock.update({ where: { variantId_locationId: { variantId: ids.jacket, locationId: ids.store } }, data: { onHand: 100 } });
  const user = await insertStaff(db, 'staff.reminders@example.com', 'STAFF', [ids.store]);
  staff = { id: user.id, email: user.email, name: null, role: 'STAFF', storeIds: [ids.store] };
});

// A paid pickup order made ready at `at`; with `phone`, its shopper opted in to SMS order updates.
async function readyOrder(at: Date, email: string, phone?: string) {
  if (phone) await recordConsent(email, [{ channel: 'SMS', topic: 'ORDERS', granted: true, phone }], { source: 'CHECKOUT' });
  const placed = await placeOrder(pickupInput([{ variantId: ids.jacket, quantity: 1 }], { email }));
  await markPaid(placed.order.id);
  const lines = await db.orderLine.findMany({ where: { orderId: placed.order.id }, select: { id: true } });
  await pickLines(staff, placed.order.id, ids.store, { lines: lines.map((l) => ({ lineId: l.id, status: 'picked' as const })) }, at);
  await markReady(staff, placed.order.id, ids.store, at);
  return { id: placed.order.id, number: placed.order.number, code: placed.pickupCode! };
}

const messagesOf = async (orderId: string) =>
  (await db.message.findMany({ where: { orderId, kind: 'pickup_collect_reminder' }, orderBy: { key: 'asc' } })).map((m) =>
    m.key.replace(`pickup_collect_reminder:${orderId}:`, ''),
  );
const reminded = async (now: Date) => (await sweepNotCollected(now)).reminded;

describe('not yet collected reminders', () => {
  it('48 h and 24 h before the cut-off: the e-mail always, the SMS with consent, once each with two sweepers; the SMS waits out quiet hours', async () => {
    // Ready at 22:00 London (GMT in November): the store holds orders 5 days, so the cut-off is 22:00 five days on.
    const t0 = new Date('2026-11-02T22:00:00Z');
    const cutOff = t0.getTime() + 5 * DAY;
    const texted = await readyOrder(t0, 'remind-sms@example.com', '+447911200001');
    const mailed = await readyOrder(t0, 'remind-mail@example.com');

    expect(await reminded(new Date(cutOff - 48 * HOUR - 60_000))).toEqual([]);
    const at48 = new Date(cutOff - 48 * HOUR + 60_000);
    const [a, b] = await Promise.all([reminded(at48), reminded(at48)]);
    expect([...a, ...b].sort()).toEqual([texted.id, mailed.id].sort());
    expect(await messagesOf(texted.id)).toEqual(['48h:email', '48h:sms']);
    expect(await messagesOf(mailed.id)).toEqual(['48h:email']);
    expect(await reminded(new Date(cutOff - 30 * HOUR))).toEqual([]);

    // 22:01 in London: the SMS waits until 09:00, then goes.
    const sms = await db.message.findUniqueOrThrow({ where: { key: `pickup_collect_reminder:${texted.id}:48h:sms` } });
    expect(await deliverMessage(sms.id, { now: at48 })).toBe('deferred');
    expect(await db.message.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({
      status: 'QUEUED',
      sendAfter: new Date('2026-11-06T09:00:00Z'),
    });
    expect(await deliverMessage(sms.id, { now: new Date('2026-11-06T09:00:00Z') })).toBe('sent');
    await deliverMessages();
    const [text] = await db.outboxMessage.findMany({ where: { to: '+447911200001' } });
    expect(text!.text).toContain(`order ${texted.number} is waiting at Riverside. Collect it by Saturday 7 November`);
    const waiting = { to: 'remind-mail@example.com', subject: { contains: 'is waiting for you' } };
    expect(await db.outboxMessage.count({ where: waiting })).toBe(1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: waiting });
    expect(mail.subject).toBe(`Order ${mailed.number} is waiting for you at Riverside: 2 days left to collect`);
    expect(mail.text).toContain('Please collect it by Saturday 7 November');

    const at24 = new Date(cutOff - 24 * HOUR + 60_000);
    const [c, d] = await Promise.all([reminded(at24), reminded(at24)]);
    expect([...c, ...d].sort()).toEqual([texted.id, mailed.id].sort());
    expect(await reminded(new Date(cutOff - HOUR))).toEqual([]);
    expect(await messagesOf(texted.id)).toEqual(['24h:email', '24h:sms', '48h:email', '48h:sms']);
    expect(await messagesOf(mailed.id)).toEqual(['24h:email', '48h:email']);
    await deliverMessages();
    expect(
      await db.outboxMessage.findFirst({ where: { to: 'remind-mail@example.com', subject: { contains: 'last day' } } }),
    ).not.toBeNull();
  });

  it('sends nothing once the order is collected, not even an SMS already queued', async () => {
    const t0 = new Date('2026-11-09T22:00:00Z');
    const cutOff = t0.getTime() + 5 * DAY;
    const order = await readyOrder(t0, 'collected@example.com', '+447911200002');
    const at48 = new Date(cutOff - 48 * HOUR + 60_000);
    expect(await reminded(at48)).toEqual([order.id]);
    const sms = await db.message.findUniqueOrThrow({ where: { key: `pickup_collect_reminder:${order.id}:48h:sms` } });
    expect(await deliverMessage(sms.id, { now: at48 })).toBe('deferred');

    await handOver(staff, order.id, ids.store, { code: order.code, collectedBy: { kind: 'shopper' } }, new Date(at48.getTime() + HOUR));
    expect(await deliverMessage(sms.id, { now: new Date(cutOff - 37 * HOUR) })).toBe('skipped');
    expect(await db.message.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({ status: 'SKIPPED', lastError: 'No longer due' });
    expect(await reminded(new Date(cutOff - 24 * HOUR + 60_000))).toEqual([]);
    expect(await messagesOf(order.id)).toEqual(['48h:email', '48h:sms']);
    expect(await db.outboxMessage.count({ where: { to: '+447911200002' } })).toBe(0);
  });

  it('skips a step whose moment passed unsent, and one that would fall at the moment the order became ready', async () => {
    const t0 = new Date('2026-11-16T12:00:00Z');
    const late = await readyOrder(t0, 'late-sweep@example.com');
    // Every sweeper was down through the 48 h step: only the 24 h one goes.
    expect(await reminded(new Date(t0.getTime() + 4 * DAY + HOUR))).toEqual([late.id]);
    expect(await messagesOf(late.id)).toEqual(['24h:email']);

    // A store holding orders for 2 days: its 48 h step would be the moment the order is ready, so only the 24 h one.
    await db.location.update({ where: { id: ids.store }, data: { pickupHoldDays: 2 } });
    try {
      const t1 = new Date('2026-11-20T12:00:00Z');
      const short = await readyOrder(t1, 'short-hold@example.com');
      expect(await reminded(new Date(t1.getTime() + 60_000))).toEqual([]);
      expect(await reminded(new Date(t1.getTime() + DAY + 60_000))).toEqual([short.id]);
      expect(await messagesOf(short.id)).toEqual(['24h:email']);
    } finally {
      await db.location.update({ where: { id: ids.store }, data: { pickupHoldDays: 5 } });
    }
  });
});
