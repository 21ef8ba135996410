import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/notifications/email';
import { brand, escapeHtml } from '@/lib/notifications/templates';
import { getStore } from '@/lib/stores/stores';
import { currentPickupCode } from './code';
import { pickupQrPng } from './qr';

const QR_CID = 'pickup-qr';

type ReadyEmailView = {
  number: string;
  url: string;
  store: { name: string; addressLines: string[]; hoursToday: string };
  code: string | null;
  qrCid: string;
};

function readyForPickupEmail(view: ReadyEmailView) {
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

// Sends the "ready for pickup" e-mail once: a conditional update claims it, and a failed send gives the claim back.
export async function sendReadyEmail(orderId: string, now: Date = new Date()): Promise<boolean> {
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
    const view: ReadyEmailView = {
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
    await sendEmail({ to: order.email, ...readyForPickupEmail(view), inlineImages });
    return true;
  } catch (error) {
    await db.pickup.updateMany({ where: { orderId, readyEmailSentAt: now }, data: { readyEmailSentAt: null } });
    throw error;
  }
}
