import 'server-only';
import { db } from '@/lib/db';
import type { OrderStatus } from '@/lib/generated/prisma/enums';
import { env } from '@/lib/env';
import { sendEmail, type EmailMessage } from '@/lib/notifications/email';
import { orderConfirmationEmail, type OrderEmailView } from '@/lib/notifications/order-templates';
import { formatMoney } from '@/lib/utils';
import { describeOrder, totalsRows, type OrderDetail } from '@/lib/orders/detail';
import { OrderError } from '@/lib/orders/errors';
import {
  currentPickupCode,
  generatePickupCode,
  hashPickupCode,
  normalisePickupCode,
  pickupCodeMatches,
  sealPickupCode,
} from '@/lib/pickup/code';
import { pickupQrPng } from '@/lib/pickup/qr';
import { getOrderSummaryOrThrow } from '@/lib/orders/view';

// Orders whose shopper should have an e-mail with everything they need to collect or expect them.
const CONFIRMABLE: OrderStatus[] = ['PAID', 'CONFIRMED', 'READY_FOR_PICKUP'];
// A shopper who paid with Stripe and never came back to the confirmation page gets their e-mail from the sweeper.
const MISSED_CONFIRMATION_MINUTES = 10;

const QR_CID = 'pickup-qr';

function moneyRow(order: OrderDetail, row: ReturnType<typeof totalsRows>[number]): OrderEmailView['totals'][number] {
  const amount = formatMoney(row.amountMinor, order.currency);
  const value = row.kind === 'subtract' ? `−${amount}` : row.kind === 'add' && row.amountMinor === 0 ? 'Free' : amount;
  return { label: row.label, value, strong: row.kind === 'total' };
}

function fulfilmentLines(order: OrderDetail): OrderEmailView['fulfilment'] {
  const view = order.fulfilmentView;
  if (view.kind === 'DELIVERY') return { heading: 'Delivery to', lines: view.addressLines };
  if (!view.store) return { heading: 'Pickup', lines: ['Collect from the store you chose.'] };
  return {
    heading: `Pickup at ${view.store.name}`,
    lines: [...view.store.addressLines, ...(view.readyBy ? [view.readyBy] : []), `Opening hours: ${view.store.week.join(' · ')}`],
  };
}

async function buildOrderEmail(orderId: string, kind: OrderEmailView['kind'], pickupCode: string | null): Promise<EmailMessage> {
  const order = await describeOrder(await getOrderSummaryOrThrow(orderId));
  const { subject, text, html } = await orderConfirmationEmail({
    kind,
    number: order.number,
    url: `${env.APP_URL.replace(/\/$/, '')}/orders/${order.id}`,
    statusLabel: order.statusLabel,
    lines: order.lines.map((l) => ({ name: l.name, quantity: l.quantity, total: formatMoney(l.lineTotalMinor, order.currency) })),
    totals: totalsRows(order).map((row) => moneyRow(order, row)),
    fulfilment: fulfilmentLines(order),
    pickup: pickupCode ? { code: pickupCode, qrCid: QR_CID } : null,
  });
  const inlineImages = pickupCode
    ? [{ cid: QR_CID, filename: `pickup-${order.number}.png`, contentType: 'image/png', content: await pickupQrPng(order.id, pickupCode) }]
    : [];
  return { to: order.email, subject, text, html, inlineImages };
}

// Claims the e-mail with one conditional update, so it goes out once however many webhooks, sweepers and checkouts
// race for it. A pickup order's e-mail always carries a code that works: the caller's if it matches the stored hash,
// else the order's own sealed copy (so the webhook and the sweeper send the code the shopper's page shows), else a
// new one whose hash replaces the old in the same update (orders placed before codes were sealed).
async function claimConfirmation(orderId: string, pickupCode: string | null, now: Date): Promise<{ code: string | null } | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, fulfilment: true, pickupCodeHash: true, pickupCodeSealed: true, confirmationSentAt: true },
  });
  if (!order || order.confirmationSentAt || !CONFIRMABLE.includes(order.status)) return null;
  let code: string | null = null;
  let newCode: { pickupCodeHash: string; pickupCodeSealed: string } | undefined;
  if (order.fulfilment === 'PICKUP') {
    const given =
      pickupCode && order.pickupCodeHash && pickupCodeMatches(orderId, pickupCode, order.pickupCodeHash)
        ? normalisePickupCode(pickupCode)
        : null;
    code = given ?? currentPickupCode(order);
    if (!code) {
      code = generatePickupCode();
      newCode = { pickupCodeHash: hashPickupCode(orderId, code), pickupCodeSealed: sealPickupCode(orderId, code) };
    }
  }
  const claimed = await db.order.updateMany({
    where: { id: orderId, confirmationSentAt: null, status: { in: CONFIRMABLE }, pickupCodeHash: order.pickupCodeHash },
    data: { confirmationSentAt: now, ...newCode },
  });
  return claimed.count === 1 ? { code } : null;
}

// Sends the order's confirmation e-mail once. Returns false when it had already been sent (or the order is not
// confirmed yet). If sending fails the claim is undone, so the next page view or sweep tries again.
export async function sendOrderConfirmation(orderId: string, pickupCode: string | null, now: Date = new Date()): Promise<boolean> {
  const claim = await claimConfirmation(orderId, pickupCode, now);
  if (!claim) return false;
  try {
    await sendEmail(await buildOrderEmail(orderId, 'confirmation', claim.code), { kind: 'order_confirmation', orderId });
  } catch (error) {
    await db.order.updateMany({ where: { id: orderId, confirmationSentAt: now }, data: { confirmationSentAt: null } });
    throw error;
  }
  return true;
}

// "Send me a new pickup code": a fresh code replaces the old one (which stops working) and goes to the order's
// e-mail address. Returns the code so the caller can keep it in the device's receipt when it may show it.
export async function sendNewPickupCode(orderId: string, now: Date = new Date()): Promise<string> {
  const code = generatePickupCode();
  const rotated = await db.order.updateMany({
    where: { id: orderId, fulfilment: 'PICKUP', status: { in: CONFIRMABLE } },
    data: { pickupCodeHash: hashPickupCode(orderId, code), pickupCodeSealed: sealPickupCode(orderId, code) },
  });
  if (rotated.count === 0) throw new OrderError('order_not_found', 'This order has no pickup code to send.');
  await sendEmail(await buildOrderEmail(orderId, 'new_code', code), { kind: 'pickup_new_code', orderId });
  // This e-mail carries everything the confirmation would have: no second one with yet another code.
  await db.order.updateMany({ where: { id: orderId, confirmationSentAt: null }, data: { confirmationSentAt: now } });
  return code;
}

// The sweeper's part: confirmed orders still without an e-mail some minutes after payment (the e-mail failed when the
// order was paid or confirmed) get it now, with the order's pickup code.
export async function sendMissedConfirmations(now: Date = new Date()): Promise<{ sent: string[] }> {
  const cutoff = new Date(now.getTime() - MISSED_CONFIRMATION_MINUTES * 60_000);
  const due = await db.order.findMany({
    where: {
      status: { in: CONFIRMABLE },
      confirmationSentAt: null,
      // Orders taken at a counter (a later issue) have their receipt in hand.
      channel: { in: ['WEB_MOBILE', 'WEB_DESKTOP'] },
      OR: [{ paidAt: { lt: cutoff } }, { paidAt: null, placedAt: { lt: cutoff } }],
    },
    select: { id: true },
    orderBy: { placedAt: 'asc' },
    take: 100,
  });
  const sent: string[] = [];
  for (const { id } of due) {
    try {
      if (await sendOrderConfirmation(id, null, now)) sent.push(id);
    } catch (error) {
      console.error(`[orders] confirmation e-mail for ${id} failed`, error);
    }
  }
  return { sent };
}
