import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/notifications/email';
import { LineRemovedEmail } from '@/lib/notifications/emails/line-removed-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { formatMoney } from '@/lib/utils';
import { announcePickupChange } from './events';
import { resolveTx } from './substitution';
import { ANSWER_TX } from './substitution-answer';

const BATCH = 100;

// Questions the shopper left unanswered past their store's substitutionAnswerMinutes: the line is dropped (totals,
// holds and a paid order's refund follow, as for a declined substitute). Runs from the order sweeper on every
// instance at once: each line is re-checked under its order's Pickup row lock, so it is dropped (and refunded) once,
// whether another sweeper or the shopper's own late answer got there first.
export async function sweepSubstitutionTimeouts(now: Date = new Date()): Promise<string[]> {
  const due = await db.$queryRaw<{ orderLineId: string; orderId: string }[]>`
    SELECT pl."orderLineId", pl."orderId" FROM "PickupLine" pl
    JOIN "Pickup" p ON p."orderId" = pl."orderId" JOIN "Location" l ON l."id" = p."locationId"
    WHERE pl."substitution" = 'PROPOSED' AND pl."substitutionAskedAt" + make_interval(mins => l."substitutionAnswerMinutes") < ${now}
    ORDER BY pl."substitutionAskedAt" LIMIT ${BATCH}`;
  const dropped: string[] = [];
  for (const { orderLineId, orderId } of due) {
    try {
      if (await expireLine(orderId, orderLineId, now)) dropped.push(orderLineId);
    } catch (error) {
      console.error(`[pickup] dropping unanswered line ${orderLineId} failed`, error);
    }
  }
  return dropped;
}

async function expireLine(orderId: string, lineId: string, now: Date): Promise<boolean> {
  const done = await db.$transaction(async (tx) => {
    // The lock first, then a fresh read: a sweeper that waited for the lock sees what the one before it wrote (a
    // joined read under FOR UPDATE would recheck the Pickup row only, and see the line as it was).
    await tx.$queryRaw`SELECT 1 FROM "Pickup" WHERE "orderId" = ${orderId} FOR UPDATE`;
    const [row] = await tx.$queryRaw<{ substitution: string | null; askedAt: Date | null; minutes: number }[]>`
      SELECT pl."substitution", pl."substitutionAskedAt" AS "askedAt", l."substitutionAnswerMinutes" AS "minutes"
      FROM "PickupLine" pl JOIN "Pickup" p ON p."orderId" = pl."orderId" JOIN "Location" l ON l."id" = p."locationId"
      WHERE pl."orderId" = ${orderId} AND pl."orderLineId" = ${lineId}`;
    if (row?.substitution !== 'PROPOSED' || !row.askedAt) return null;
    if (row.askedAt.getTime() + row.minutes * 60_000 >= now.getTime()) return null;
    const line = await tx.orderLine.findUnique({ where: { id: lineId }, select: { name: true, quantity: true } });
    return { ...(await resolveTx(tx, lineId, 'EXPIRED', now)), line };
  }, ANSWER_TX);
  if (!done) return false;
  recordOrderEvent('SUBSTITUTION_EXPIRED', orderId, { channel: 'IN_STORE', quantity: 1, valueMinor: null, occurredAt: now });
  await announcePickupChange(done.storeId, orderId, done.cancelled ? 'CANCELLED' : 'PICKING');
  if (done.line)
    await sendDroppedEmail(orderId, `${done.line.quantity} × ${done.line.name}`, done.refundMinor, done.cancelled).catch((error: unknown) =>
      console.error('[pickup] dropped-line e-mail failed', orderId, error),
    );
  return true;
}

async function sendDroppedEmail(orderId: string, item: string, refundMinor: number, cancelled: boolean): Promise<void> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true, email: true, currency: true } });
  const url = `${env.APP_URL.replace(/\/$/, '')}/orders/${orderId}`;
  const body = [
    `We did not hear back about ${item}, so we have removed it from order ${order.number}.`,
    cancelled ? 'Nothing else was left on the order, so it is cancelled.' : 'The rest of your order is on its way to the counter.',
    refundMinor > 0 ? `We have refunded ${formatMoney(refundMinor, order.currency)} to the way you paid.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const html = await renderEmailHtml(LineRemovedEmail, { number: order.number, body, url });
  await sendEmail(
    {
      to: order.email,
      subject: `Order ${order.number}: an item was removed`,
      text: `${body}\n\nView your order: ${url}`,
      html,
    },
    { kind: 'substitution_removed', orderId },
  );
}
