import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueCompose } from '@/lib/messaging/compose';
import { knownSmsPhone, mayMessage } from '@/lib/messaging/consent';
import { enqueueMessage } from '@/lib/messaging/messages';
import { fitSms } from '@/lib/messaging/sms-text';
import { sendEmail } from '@/lib/notifications/email';
import { brand, escapeHtml } from '@/lib/notifications/templates';
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

export function readyForPickupEmail(view: ReadyView) {
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
  const codeBlock = view.code
    ? `<div style="border:2px solid ${brand.brand};border-radius:12px;padding:16px;text-align:center;margin:16px 0">
<p style="margin:0;color:${brand.muted}">Your pickup code</p>
<p style="margin:4px 0 12px;font-size:32px;font-weight:700;letter-spacing:6px;font-family:ui-monospace,monospace">${escapeHtml(view.code)}</p>
<img src="cid:${view.qrCid}" width="200" height="200" alt="QR code for pickup code ${escapeHtml(view.code)}" style="display:block;margin:0 auto"></div>`
    : '';
  const html = `<div style="font-family:system-ui,sans-serif;color:${brand.ink};max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">Northwind Supply</h1>
<p>Good news: order ${escapeHtml(view.number)} is ready to collect at ${escapeHtml(view.store.name)}.</p>
${codeBlock}
<p style="margin:0"><strong>${escapeHtml(view.store.name)}</strong><br>${view.store.addressLines.map(escapeHtml).join('<br>')}<br>Open today: ${escapeHtml(view.store.hoursToday)}</p>
<p style="margin-top:24px"><a href="${escapeHtml(view.url)}" style="display:inline-block;background:${brand.brand};color:${brand.onBrand};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">I'm here: open my order</a></p>
</div>`;
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
      { to: order.email, ...readyForPickupEmail(view), inlineImages },
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
