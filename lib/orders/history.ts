import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { statusInWords } from '@/lib/orders/detail';
import { OrderError } from '@/lib/orders/errors';
import type { Fulfilment, OrderStatus, OrderSummary } from '@/lib/orders/types';
import { orderSummarySelect, toOrderSummary } from '@/lib/orders/view';

const HISTORY_PAGE_SIZE = 10;

export type OrderListItem = {
  id: string;
  number: string;
  status: OrderStatus;
  statusLabel: string;
  fulfilment: Fulfilment;
  // IN_STORE: a sale at a store's till (storeName is that store), not a pickup.
  inStore: boolean;
  storeName: string | null;
  placedAt: Date;
  totalMinor: number;
  currency: string;
  itemCount: number;
};

export type OrderHistoryPage = { items: OrderListItem[]; page: number; totalPages: number; total: number };

// The signed-in shopper's own orders, newest first.
export async function listOrdersForUser(user: SessionUser, page: number): Promise<OrderHistoryPage> {
  const where = { userId: user.id };
  const total = await db.order.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), totalPages);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      status: true,
      fulfilment: true,
      channel: true,
      placedAt: true,
      totalMinor: true,
      currency: true,
      pickupLocation: { select: { name: true } },
      lines: { select: { quantity: true } },
    },
  });
  const items = rows.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    statusLabel: o.channel === 'IN_STORE' && o.status === 'COMPLETED' ? 'Bought in store' : statusInWords(o.status, o.fulfilment),
    fulfilment: o.fulfilment,
    inStore: o.channel === 'IN_STORE',
    storeName: o.pickupLocation?.name ?? null,
    placedAt: o.placedAt,
    totalMinor: o.totalMinor,
    currency: o.currency,
    itemCount: o.lines.reduce((n, l) => n + l.quantity, 0),
  }));
  return { items, page: current, totalPages, total };
}

// One of the shopper's own orders; another shopper's id is the same 404 as a missing one.
export async function getOrderForUser(user: SessionUser, orderId: string): Promise<OrderSummary> {
  const row = await db.order.findFirst({ where: { id: orderId, userId: user.id }, select: orderSummarySelect });
  if (!row) throw new OrderError('order_not_found', 'We could not find that order.');
  return toOrderSummary(row);
}

// A guest's lookup by order number and the e-mail it was placed with. Both must match; the caller gives the same
// answer for a wrong number and a wrong e-mail, so the form cannot be used to learn which orders exist.
export async function lookupOrderId({ number, email }: { number: string; email: string }): Promise<string | null> {
  const order = await db.order.findUnique({ where: { number }, select: { id: true, email: true } });
  return order && order.email.toLowerCase() === email.toLowerCase() ? order.id : null;
}
