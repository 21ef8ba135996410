import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueCompose } from '@/lib/messaging/compose';
import { knownSmsPhone, mayMessage } from '@/lib/messaging/consent';
import { enqueueMessage } from '@/lib/messaging/messages';
import { fitSms } from '@/lib/messaging/sms-text';
import { sendEmail } from '@/lib/notifications/email';
import { ReadyForPickupEmail } from '@/lib/notifications/emails/ready-for-pickup-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { getStore } from '@/lib/stores/stores';
import { currentPickupCode } from './code';
import { pickupQrPng } from './qr';

const QR_CID = 'pickup-qr';

type ReadyView = {
  number: string;
  url: string;
  store: { name: string; addressLines: string[]; hoursToday: string };
  code: string | null;
  qrCid: string;
};

export async function readyForPickupEmail(view: ReadyView) {
  const subject = `Order ${view.number} is ready to collect at ${view.store.name}`;
  const text = [
    `Good news: order ${view.number} is ready to collect at ${view.store.name}.`,
    '',
    ...(view.code ? [`Your pickup code: ${view.code}`, 'Show it (or the QR code in this e-mail) at the counter.', ''] : []),
    view.store.name,
    ...view.store.addressLines,
    `Open today: ${view.store.hoursToday}`,
    '',
    `When you arrive, tap "I'm here" on your order page: ${view.url}`,
  ].join('\n');
  const html = await renderEmailHtml(ReadyForPickupEmail, view);
  return { subject, text, html };
}

// The SMS version: a transactional message, so no "reply STOP" line is required, but it still fits two segments.
export function readyForPickupSms(view: ReadyView): string {
  const head = `Northwind: order ${view.number} is ready at ${view.store.name}.`;
  const code = view.code ? ` Pickup code ${view.code}.` : '';
  return fitSms([
    `${head}${code} Open today ${view.store.hoursToday}. Tap "I'm here" when you arrive: ${view.url}`,
    `${head}${code} ${view.url}`,
    `${head}${code}`,
  ]);
}

// Called once the order is ready (lib/pickup/picking.ts): the request only queues the job; the worker composes, with
// the store's hours on the day it became ready.
export async function sendReadyEmail(orderId: string, readyAt: Date = new Date()): Promise<boolean> {
  const pickup = await db.pickup.findUnique({ where: { orderId }, select: { status: true, readyEmailSentAt: true } });
  if (pickup?.status !== 'READY' || pickup.readyEmailSentAt) return false;
  await enqueueCompose({ kind: 'pickup_ready', orderId, readyAt: readyAt.toISOString() });
  return true;
}

// The worker's part: the "ready for pickup" e-mail (store, today's hours, code and QR, "I'm here" link) and, if the
// shopper opted in to SMS order updates, the SMS. A conditional update claims it, so it is composed once; a failure
// gives the claim back and the job is retried.
export async function composeReadyMessages(orderId: string, now: Date = new Date()): Promise<boolean> {
  const claimed = await db.pickup.updateMany({
    where: { orderId, status: 'READY', readyEmailSentAt: null },
    data: { readyEmailSentAt: now },
  });
  if (claimed.count === 0) return false;
  try {
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { id: true, number: true, email: true, pickupLocationId: true, pickupCodeHash: true, pickupCodeSealed: true },
    });
    const store = order.pickupLocationId ? await getStore(order.pickupLocationId, now) : null;
    if (!store) throw new Error(`order ${orderId} has no pickup store`);
    const code = currentPickupCode(order);
    const { line1, line2, city, postcode } = store.address;
    const view: ReadyView = {
      number: order.number,
      url: `${env.APP_URL.replace(/\/$/, '')}/orders/${order.id}`,
      store: {
        name: store.name,
        addressLines: [line1, line2, `${city} ${postcode}`].filter((l): l is string => Boolean(l)),
        hoursToday: store.hours.today,
      },
      code,
      qrCid: QR_CID,
    };
    const inlineImages = code
      ? [{ cid: QR_CID, filename: `pickup-${order.number}.png`, contentType: 'image/png', content: await pickupQrPng(order.id, code) }]
      : [];
    await sendEmail(
      { to: order.email, ...(await readyForPickupEmail(view)), inlineImages },
      { key: `pickup_ready:${orderId}:email`, kind: 'pickup_ready', orderId },
    );
    const phone = await knownSmsPhone(order.email);
    if (phone && (await mayMessage(order.email, 'SMS', 'ORDERS', phone)))
      await enqueueMessage({
        key: `pickup_ready:${orderId}:sms`,
        kind: 'pickup_ready',
        channel: 'SMS',
        topic: 'ORDERS',
        to: phone,
        email: order.email,
        orderId,
        content: { text: readyForPickupSms(view) },
      });
    return true;
  } catch (error) {
    await db.pickup.updateMany({ where: { orderId, readyEmailSentAt: now }, data: { readyEmailSentAt: null } });
    throw error;
  }
}
