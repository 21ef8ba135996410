import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { knownSmsPhone, mayMessage } from '@/lib/messaging/consent';
import { COLLECT_REMINDER_KIND } from '@/lib/messaging/kinds';
import { enqueueMessage } from '@/lib/messaging/messages';
import { sendEmail } from '@/lib/notifications/email';
import { collectReminderEmail, collectReminderSms, type CollectReminderView } from './collect-reminder-email';

// "Not yet collected": a ready order is reminded 48 and 24 hours before its store's cut-off (readyAt plus the store's
// pickupHoldDays, when the no-show sweeper cancels it): an e-mail always (an order update), and an SMS too when the
// shopper opted in to SMS order updates. Each step goes once per order: Pickup.reminderSentAt records the last step
// claimed (a conditional update, so two sweepers claim it once) and each message has a key of its own. A step whose
// moment has passed unsent (every sweeper down) is skipped for the next one rather than sent late beside it.
export const COLLECT_REMINDER_HOURS = [48, 24] as const;
export type ReminderStep = (typeof COLLECT_REMINDER_HOURS)[number];
// A step falling this soon after the order became ready is not sent: the "ready" message has just said it all (a
// store that holds orders for one day would otherwise remind at the moment it says "ready").
const MIN_AFTER_READY_HOURS = 12;
const HOUR_MS = 60 * 60_000;
const BATCH = 100;

type Due = { orderId: string; step: ReminderStep; readyAt: Date; holdDays: number };

// Per store (a handful of rows), the index range (locationId, status, readyAt) of orders ready between the cut-off
// and 48 hours before it; the step is 24 once its moment has come, else 48; it is due unless claimed at or after
// that moment.
export async function findDueCollectReminders(now: Date = new Date()): Promise<Due[]> {
  return db.$queryRaw<Due[]>`
    SELECT d."orderId", d."step", d."readyAt", l."pickupHoldDays" AS "holdDays"
    FROM "Location" l
    CROSS JOIN LATERAL (
      SELECT p."orderId", p."readyAt", s."step"
      FROM "Pickup" p
      CROSS JOIN LATERAL (SELECT CASE WHEN p."readyAt" + make_interval(days => l."pickupHoldDays", hours => -24) <= ${now}::timestamp(3)
        THEN 24 ELSE 48 END AS "step") s
      WHERE p."locationId" = l."id" AND p."status" IN ('READY', 'WAITING')
        AND p."readyAt" > ${now}::timestamp(3) - make_interval(days => l."pickupHoldDays")
        AND p."readyAt" <= ${now}::timestamp(3) - make_interval(days => l."pickupHoldDays", hours => -48)
        AND l."pickupHoldDays" * 24 - s."step" >= ${MIN_AFTER_READY_HOURS}
        AND (p."reminderSentAt" IS NULL
          OR p."reminderSentAt" < p."readyAt" + make_interval(days => l."pickupHoldDays", hours => -s."step"))
      ORDER BY p."readyAt" LIMIT ${BATCH}
    ) d`;
}

export async function sendCollectReminders(now: Date = new Date()): Promise<string[]> {
  const sent: string[] = [];
  for (const due of await findDueCollectReminders(now)) {
    const stepAt = new Date(due.readyAt.getTime() + due.holdDays * 24 * HOUR_MS - due.step * HOUR_MS);
    const claimed = await db.pickup.updateMany({
      where: {
        orderId: due.orderId,
        status: { in: ['READY', 'WAITING'] },
        OR: [{ reminderSentAt: null }, { reminderSentAt: { lt: stepAt } }],
      },
      data: { reminderSentAt: now },
    });
    if (claimed.count === 0) continue;
    try {
      await queueCollectReminder(due);
      sent.push(due.orderId);
    } catch (error) {
      console.error(`[pickup] ${due.step} h reminder for ${due.orderId} failed`, error);
      // Given back (to "not claimed at this step"), so the next sweep tries again; the keys keep it to one each.
      await db.pickup.updateMany({ where: { orderId: due.orderId, reminderSentAt: now }, data: { reminderSentAt: null } });
    }
  }
  return sent;
}

async function queueCollectReminder(due: Due): Promise<void> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: due.orderId },
    select: { number: true, email: true, pickup: { select: { location: { select: { name: true, timeZone: true } } } } },
  });
  const store = order.pickup?.location;
  const cutOff = new Date(due.readyAt.getTime() + due.holdDays * 24 * HOUR_MS);
  const view: CollectReminderView = {
    number: order.number,
    store: store?.name ?? 'the store',
    deadline: new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: store?.timeZone ?? 'Europe/London',
    }).format(cutOff),
    hoursLeft: due.step,
    url: `${env.APP_URL.replace(/\/$/, '')}/orders/${due.orderId}`,
  };
  const key = `${COLLECT_REMINDER_KIND}:${due.orderId}:${due.step}h`;
  await sendEmail(
    { to: order.email, ...(await collectReminderEmail(view)) },
    { key: `${key}:email`, kind: COLLECT_REMINDER_KIND, topic: 'ORDERS', orderId: due.orderId },
  );
  const phone = await knownSmsPhone(order.email);
  if (phone && (await mayMessage(order.email, 'SMS', 'ORDERS', phone)))
    await enqueueMessage({
      key: `${key}:sms`,
      kind: COLLECT_REMINDER_KIND,
      channel: 'SMS',
      topic: 'ORDERS',
      to: phone,
      email: order.email,
      orderId: due.orderId,
      content: { text: collectReminderSms(view) },
    });
}
