import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { canManageOrder, currentOrderViewer, getViewableOrder } from '@/lib/orders/access';
import { CANCELLABLE_STATUSES, describeOrder, type OrderDetail } from '@/lib/orders/detail';
import { getOrderForUser } from '@/lib/orders/history';
import { pickupCodeMatches } from '@/lib/pickup/code';
import { pickupQrSvg } from '@/lib/pickup/qr';
import { findReceipt } from '@/lib/orders/receipts';
import type { OrderSummary } from '@/lib/orders/types';

export type OrderPageData = {
  order: OrderDetail;
  // Only when this device holds the code and it still matches: a code replaced since is never shown.
  pickup: { code: string; qrSvg: string } | null;
  // The owner or the placing device may ask for a new code; staff looking at the order may not.
  canRequestNewCode: boolean;
  // How this viewer may cancel: at once (owner, placing device, store staff), with a code e-mailed to the order (a
  // device that looked it up by number and e-mail), or not at all (the order is past cancelling).
  cancel: 'direct' | 'code' | null;
};

const CODE_STATUSES = ['PAID', 'CONFIRMED', 'READY_FOR_PICKUP'];

async function codeOnThisDevice(order: OrderSummary, code: string | null): Promise<string | null> {
  if (!code || order.fulfilment !== 'PICKUP' || !CODE_STATUSES.includes(order.status)) return null;
  const row = await db.order.findUnique({ where: { id: order.id }, select: { pickupCodeHash: true } });
  return row?.pickupCodeHash && pickupCodeMatches(order.id, code, row.pickupCodeHash) ? code : null;
}

async function buildPageData(order: OrderSummary, user: SessionUser | null, manage: boolean): Promise<OrderPageData> {
  // Reading only: the confirmation e-mail goes out where the order is confirmed or paid (lib/orders/after-confirmed.ts).
  const receipt = await findReceipt(order.id);
  const code = await codeOnThisDevice(order, receipt?.code ?? null);
  const isOwner = Boolean(user && order.userId === user.id);
  return {
    order: await describeOrder(order),
    pickup: code ? { code, qrSvg: await pickupQrSvg(order.id, code) } : null,
    canRequestNewCode: order.fulfilment === 'PICKUP' && CODE_STATUSES.includes(order.status) && (isOwner || Boolean(receipt)),
    cancel: !CANCELLABLE_STATUSES.includes(order.status) ? null : manage ? 'direct' : 'code',
  };
}

// The confirmation page /orders/{id}: owner, receipt holder or staff of the store (else OrderError 404).
export async function getOrderPageData(orderId: string): Promise<OrderPageData> {
  const [order, viewer] = await Promise.all([getViewableOrder(orderId), currentOrderViewer()]);
  return buildPageData(order, viewer.user, canManageOrder(order, viewer));
}

// The account's order detail: the signed-in shopper's own orders only.
export async function getAccountOrderPageData(user: SessionUser, orderId: string): Promise<OrderPageData> {
  return buildPageData(await getOrderForUser(user, orderId), user, true);
}
