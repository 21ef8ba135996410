import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { pointsForCounter } from '@/lib/loyalty/counter';
import { getContactMessaging } from '@/lib/messaging/contact';
import { auditTx } from './audit';
import { pickupNotFound } from './errors';
import type { CustomerView } from './schemas';

const OPEN_PICKUP = ['PAID', 'CONFIRMED', 'READY_FOR_PICKUP'] as const;

// The shopper seen from the counter: contact details, their orders across channels (phone web, desktop web, in
// store) with totals and status, and their open pickups. Reached only from an order at one of the associate's
// stores (the caller checked it with requireStaffOfOrder); every look-up is audited.
export async function customerForCounter(
  user: SessionUser,
  orderId: string,
  storeId: string,
  now: Date = new Date(),
): Promise<CustomerView> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { email: true, user: { select: { id: true, name: true, email: true, phone: true, createdAt: true } } },
  });
  if (!order) throw pickupNotFound();
  const who = order.user ? { userId: order.user.id } : { email: order.email };
  const orders = await db.order.findMany({
    where: who,
    orderBy: { placedAt: 'desc' },
    take: 25,
    select: {
      id: true,
      number: true,
      channel: true,
      status: true,
      fulfilment: true,
      totalMinor: true,
      currency: true,
      placedAt: true,
      pickupLocation: { select: { name: true } },
    },
  });
  const [count, spent, loyalty, messaging] = await Promise.all([
    db.order.count({ where: who }),
    db.order.aggregate({ where: { ...who, status: { in: ['PAID', 'READY_FOR_PICKUP', 'COMPLETED'] } }, _sum: { totalMinor: true } }),
    order.user ? pointsForCounter(order.user.id, storeId, orderId, now) : null,
    // Consent and messages are kept by e-mail address: the account's, or the one a guest ordered with.
    getContactMessaging(order.user?.email ?? order.email),
  ]);
  await db.$transaction((tx) =>
    auditTx(tx, {
      actorId: user.id,
      locationId: storeId,
      orderId,
      action: 'customer.lookup',
      details: { customer: order.user?.id ?? order.email },
      at: now,
    }),
  );
  const rows = orders.map((o) => ({
    id: o.id,
    number: o.number,
    channel: o.channel,
    status: o.status,
    fulfilment: o.fulfilment,
    totalMinor: o.totalMinor,
    currency: o.currency,
    placedAt: o.placedAt.toISOString(),
    store: o.pickupLocation?.name ?? null,
  }));
  return {
    contact: {
      name: order.user?.name ?? null,
      email: order.user?.email ?? order.email,
      phone: order.user?.phone ?? null,
      account: Boolean(order.user),
      since: order.user?.createdAt.toISOString() ?? null,
    },
    orderCount: count,
    spentMinor: spent._sum.totalMinor ?? 0,
    orders: rows,
    openPickups: rows.filter((o) => o.fulfilment === 'PICKUP' && (OPEN_PICKUP as readonly string[]).includes(o.status)),
    loyalty,
    messaging,
  };
}
