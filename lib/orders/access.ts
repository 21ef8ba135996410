import 'server-only';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { canActForStore } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { OrderError } from '@/lib/orders/errors';
import { placedHere, readReceipts } from '@/lib/orders/receipts';
import type { OrderSummary } from '@/lib/orders/types';
import { orderSummarySelect, toOrderSummary } from '@/lib/orders/view';

// receiptOrderIds: every order this device holds a receipt for; placedOrderIds: those it placed itself (a receipt
// from the guest lookup is only for looking).
export type OrderViewer = { user: SessionUser | null; receiptOrderIds: readonly string[]; placedOrderIds?: readonly string[] };

// Who may see an order: its owner, staff of its pickup store (or an admin), or the device holding its receipt
// (a guest's own checkout). Everyone else gets the same 404 as for an order that does not exist.
export function canViewOrder(order: Pick<OrderSummary, 'id' | 'userId' | 'pickupLocationId'>, viewer: OrderViewer): boolean {
  const { user } = viewer;
  if (user && order.userId === user.id) return true;
  if (user && order.pickupLocationId && canActForStore(user, order.pickupLocationId)) return true;
  if (user?.role === 'ADMIN') return true;
  return viewer.receiptOrderIds.includes(order.id);
}

// Who may change an order (cancel it) without more proof: its owner, staff of its store (or an admin), or the
// device that placed it. A device that only looked it up by number and e-mail needs a code e-mailed to the order.
export function canManageOrder(order: Pick<OrderSummary, 'id' | 'userId' | 'pickupLocationId'>, viewer: OrderViewer): boolean {
  const { user } = viewer;
  if (user && order.userId === user.id) return true;
  if (user && order.pickupLocationId && canActForStore(user, order.pickupLocationId)) return true;
  if (user?.role === 'ADMIN') return true;
  return (viewer.placedOrderIds ?? []).includes(order.id);
}

// Who is asking: the signed-in user (if any) and the orders this device holds receipts for.
export async function currentOrderViewer(): Promise<OrderViewer> {
  const [user, receipts] = await Promise.all([getSessionUser(), readReceipts()]);
  return { user, receiptOrderIds: receipts.map((r) => r.id), placedOrderIds: receipts.filter(placedHere).map((r) => r.id) };
}

export async function getViewableOrder(orderId: string): Promise<OrderSummary> {
  const row = await db.order.findUnique({ where: { id: orderId }, select: orderSummarySelect });
  if (!row) throw new OrderError('order_not_found', 'We could not find that order.');
  const order = toOrderSummary(row);
  if (!canViewOrder(order, await currentOrderViewer())) {
    throw new OrderError('order_not_found', 'We could not find that order.');
  }
  return order;
}
