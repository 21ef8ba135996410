import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { releaseHoldsTx, restockConsumedHoldsTx } from '@/lib/inventory/holds';
import { sendEmail } from '@/lib/notifications/email';
import { NotCollectedEmail } from '@/lib/notifications/emails/not-collected-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { moveOrderTx } from '@/lib/orders/transitions';
import { getPaymentProvider } from '@/lib/payments/providers';
import { announcePickupChange } from './events';
import { assertPickupTransition } from './state';
import { sendCollectReminders } from './collect-reminders';
import { sweepSubstitutionTimeouts } from './substitution-timeout';

// A ready order waits on the shelf for its store's pickupHoldDays (5 by default); the shopper is reminded 48 and 24
// hours before that cut-off (lib/pickup/collect-reminders.ts). Both steps run from the order sweeper on every instance
// at once: each claims its work with a conditional update or a row lock, so a reminder goes out once and an order is
// cancelled (and refunded) once.
// The staff queue marks an order ready for longer than this as uncollected (lib/pickup/queue-card.ts).
export const REMINDER_AFTER_DAYS = 2;
const DAY_MS = 24 * 60 * 60_000;
const BATCH = 100;

export type NoShowSweep = { reminded: string[]; notCollected: string[]; substitutionsDropped: string[] };

export async function sweepNotCollected(now: Date = new Date()): Promise<NoShowSweep> {
  // Lines whose substitute the shopper did not answer about in their store's time are dropped first.
  const substitutionsDropped = await sweepSubstitutionTimeouts(now);
  const reminded = await sendCollectReminders(now);
  // Per store, the index range (locationId, status, readyAt) of orders ready before its cut-off.
  const due = await db.$queryRaw<{ orderId: string }[]>`
    SELECT d."orderId" FROM "Location" l
    CROSS JOIN LATERAL (
      SELECT p."orderId", p."readyAt" FROM "Pickup" p
      WHERE p."locationId" = l."id" AND p."status" IN ('READY', 'WAITING')
        AND p."readyAt" < ${now}::timestamp(3) - make_interval(days => l."pickupHoldDays")
      ORDER BY p."readyAt" LIMIT ${BATCH}
    ) d
    ORDER BY d."readyAt" LIMIT ${BATCH}`;
  const notCollected: string[] = [];
  for (const { orderId } of due) {
    try {
      if (await cancelNotCollected(orderId, now)) notCollected.push(orderId);
    } catch (error) {
      console.error(`[pickup] cancelling uncollected order ${orderId} failed`, error);
    }
  }
  for (const id of notCollected) recordOrderEvent('ORDER_NOT_COLLECTED', id, { channel: 'IN_STORE' });
  return { reminded, notCollected, substitutionsDropped };
}

// One uncollected order: the Pickup row is locked (a second sweeper waits, then finds it done and does nothing), the
// order cancelled, its stock back on the shelf, an online payment refunded (inside the transaction, as cancelling
// does: if the provider refuses nothing is written, and a retry sends the same idempotency key).
async function cancelNotCollected(orderId: string, now: Date): Promise<boolean> {
  const done = await db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<
        { status: 'READY' | 'WAITING' | string; holdDays: number; readyAt: Date | null; locationId: string }[]
      >`
        SELECT p."status", l."pickupHoldDays" AS "holdDays", p."readyAt", p."locationId"
        FROM "Pickup" p JOIN "Location" l ON l."id" = p."locationId" WHERE p."orderId" = ${orderId} FOR UPDATE OF p`;
      if (!row || (row.status !== 'READY' && row.status !== 'WAITING') || !row.readyAt) return null;
      if (row.readyAt.getTime() + row.holdDays * DAY_MS >= now.getTime()) return null;
      assertPickupTransition(row.status, 'NOT_COLLECTED');
      const moved = await moveOrderTx(tx, orderId, ['READY_FOR_PICKUP'], 'CANCELLED', { cancelledAt: now });
      if (!moved.changed) return null;
      await tx.pickup.update({ where: { orderId }, data: { status: 'NOT_COLLECTED' } });
      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { paidAt: true, paymentProvider: true, paymentIntentId: true },
      });
      if (order.paidAt) {
        await restockConsumedHoldsTx(tx, orderId);
        if (order.paymentProvider)
          await getPaymentProvider(order.paymentProvider).refund({ id: orderId, paymentIntentId: order.paymentIntentId });
      } else {
        await releaseHoldsTx(tx, [orderId]);
      }
      return { locationId: row.locationId, refunded: Boolean(order.paidAt) };
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  if (!done) return false;
  await announcePickupChange(done.locationId, orderId, 'NOT_COLLECTED');
  await sendNotCollectedEmail(orderId, done.refunded).catch((error: unknown) =>
    console.error('[pickup] not-collected e-mail failed', orderId, error),
  );
  return true;
}

// The reminders before the cut-off are in lib/pickup/collect-reminders.ts; this is the last word, once cancelled.
async function sendNotCollectedEmail(orderId: string, refunded: boolean): Promise<void> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { number: true, email: true, pickup: { select: { location: { select: { name: true } } } } },
  });
  const store = order.pickup?.location.name ?? 'the store';
  const url = `${env.APP_URL.replace(/\/$/, '')}/orders/${orderId}`;
  const subject = `Order ${order.number} was not collected and is cancelled`;
  const body = `Order ${order.number} was not collected from ${store} in time, so we have cancelled it and put it back on the shelf. ${refunded ? 'Your payment is refunded in full to the way you paid; it usually shows within 5–10 working days.' : 'Nothing was charged.'}`;
  const html = await renderEmailHtml(NotCollectedEmail, { number: order.number, body, url });
  // Queued under a key of its own: a sweep that runs twice (or on two instances) queues it once.
  await sendEmail(
    { to: order.email, subject, text: `${body}\n\nView your order: ${url}`, html },
    { key: `pickup_cancelled:${orderId}:email`, kind: 'pickup_cancelled', orderId },
  );
}
