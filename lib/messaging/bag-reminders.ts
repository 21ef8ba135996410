import 'server-only';
import { db } from '@/lib/db';
import { newRowId } from '@/lib/db/ids';
import { env } from '@/lib/env';
import { BagReminderEmail } from '@/lib/notifications/emails/bag-reminder-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { formatMoney } from '@/lib/utils';
import { enqueueCompose, type ComposeJob } from './compose';
import { knownSmsPhone, mayMessage } from './consent';
import { BAG_REMINDER_KIND, bagReminderKey } from './kinds';
import { enqueueMessage } from './messages';
import { fitSms } from './sms-text';
import { unsubscribeHeaders, unsubscribePageUrl } from './unsubscribe';

// A signed-in shopper's bag with items, untouched for BAG_REMINDER_AFTER_MINUTES and not bought since, whose owner
// agreed to bag reminders by e-mail: one e-mail, and BAG_REMINDER_SMS_AFTER_HOURS later (still not bought, SMS
// consent) one SMS. One series per bag version, at most one per bag in 7 days. Safe on several instances at once:
// the BagReminder row (unique per cart and version) is the claim.
const SERIES_GAP_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;
const BATCH = 100;

// `afterMinutes`: how long a bag must have been left, BAG_REMINDER_AFTER_MINUTES unless the development outbox asks
// for due reminders at once (app/dev/mail/bag-reminders/route.ts).
type SweepOptions = { afterMinutes?: number };

export async function findDueBags(
  now: Date = new Date(),
  { afterMinutes = env.BAG_REMINDER_AFTER_MINUTES }: SweepOptions = {},
): Promise<{ cartId: string; version: number; email: string }[]> {
  const idleSince = new Date(now.getTime() - afterMinutes * 60_000);
  const lastSeries = new Date(now.getTime() - SERIES_GAP_DAYS * DAY_MS);
  // The index on Cart.updatedAt bounds this to bags touched in the last week and idle long enough.
  return db.$queryRaw<{ cartId: string; version: number; email: string }[]>`
    SELECT c."id" AS "cartId", c."version", u."email"
    FROM "Cart" c
    JOIN "User" u ON u."id" = c."userId"
    JOIN "Consent" k ON k."email" = lower(u."email") AND k."channel" = 'EMAIL' AND k."topic" = 'BAG_REMINDERS' AND k."granted"
    WHERE c."updatedAt" < ${idleSince} AND c."updatedAt" > ${lastSeries}
      AND EXISTS (SELECT 1 FROM "CartLine" l WHERE l."cartId" = c."id")
      AND NOT EXISTS (SELECT 1 FROM "BagReminder" r WHERE r."cartId" = c."id" AND (r."version" = c."version" OR r."sentAt" > ${lastSeries}))
      AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."cartId" = c."id" AND o."placedAt" >= c."updatedAt")
    ORDER BY c."updatedAt" LIMIT ${BATCH}`;
}

export async function sweepBagReminders(
  now: Date = new Date(),
  options: SweepOptions = {},
): Promise<{ started: number; converted: number }> {
  let started = 0;
  for (const bag of await findDueBags(now, options)) {
    const created = await db.$transaction(async (tx) => {
      const { count } = await tx.bagReminder.createMany({
        data: [{ id: newRowId('bag_'), cartId: bag.cartId, version: bag.version, email: bag.email.toLowerCase(), sentAt: now }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await enqueueCompose({ kind: 'bag_reminder', cartId: bag.cartId, version: bag.version, step: 'email' }, { tx });
      await enqueueCompose(
        { kind: 'bag_reminder', cartId: bag.cartId, version: bag.version, step: 'sms' },
        { tx, startAfter: new Date(now.getTime() + env.BAG_REMINDER_SMS_AFTER_HOURS * 60 * 60_000) },
      );
      return true;
    });
    if (created) started++;
  }
  // Conversion: a reminded bag bought afterwards is marked with its order.
  const converted = await db.$executeRaw`
    UPDATE "BagReminder" r SET "orderId" = o."id"
    FROM "Order" o
    WHERE r."orderId" IS NULL AND r."sentAt" > ${new Date(now.getTime() - SERIES_GAP_DAYS * DAY_MS)}
      AND o."cartId" = r."cartId" AND o."placedAt" > r."sentAt"`;
  return { started, converted };
}

type BagView = { email: string; lines: { name: string; quantity: number; price: string }[]; url: string };

export async function bagReminderEmail(view: BagView) {
  const subject = 'You left something in your bag';
  const unsubscribe = unsubscribePageUrl(view.email, 'BAG_REMINDERS');
  const text = [
    'Your bag at Northwind Supply is still waiting:',
    '',
    ...view.lines.map((l) => `${l.quantity} × ${l.name}  ${l.price}`),
    '',
    `Open your bag (sign in on any device): ${view.url}`,
    '',
    `No more bag reminders: ${unsubscribe}`,
  ].join('\n');
  const html = await renderEmailHtml(BagReminderEmail, {
    lines: view.lines.map((l) => ({ name: l.name, quantity: l.quantity, amount: l.price })),
    url: view.url,
    unsubscribeUrl: unsubscribe,
  });
  return { subject, text, html, headers: unsubscribeHeaders(view.email, 'BAG_REMINDERS') };
}

// A reminder is marketing-like, so it says how to stop.
export function bagReminderSms(url: string): string {
  return fitSms([`Northwind: your bag is still waiting. Open it here: ${url} Reply STOP to opt out.`]);
}

// The link in the e-mail and the SMS: it records the opening (REMINDER_OPENED) and lands on the bag
// (app/(shop)/cart/reminder/[id]/route.ts).
export const bagReminderUrl = (reminderId: string) => `${env.APP_URL.replace(/\/$/, '')}/cart/reminder/${reminderId}`;

// The worker's part of one step: nothing if the bag changed, was emptied or bought since the series started.
export async function composeBagReminder(job: Extract<ComposeJob, { kind: 'bag_reminder' }>): Promise<boolean> {
  const [reminder, cart] = await Promise.all([
    db.bagReminder.findUnique({ where: { cartId_version: { cartId: job.cartId, version: job.version } } }),
    db.cart.findUnique({
      where: { id: job.cartId },
      select: {
        version: true,
        lines: {
          select: { quantity: true, variant: { select: { priceMinor: true, currency: true, product: { select: { name: true } } } } },
        },
      },
    }),
  ]);
  if (!reminder || reminder.orderId || !cart || cart.version !== job.version || cart.lines.length === 0) return false;
  const bought = await db.order.count({ where: { cartId: job.cartId, placedAt: { gt: reminder.sentAt } } });
  if (bought > 0) return false;
  const url = bagReminderUrl(reminder.id);
  const key = bagReminderKey(job.cartId, job.version);
  if (job.step === 'email') {
    const { headers, ...content } = await bagReminderEmail({
      email: reminder.email,
      url,
      lines: cart.lines.map((l) => ({
        name: l.variant.product.name,
        quantity: l.quantity,
        price: formatMoney(l.variant.priceMinor * l.quantity, l.variant.currency),
      })),
    });
    const id = await enqueueMessage({
      key: `${key}:email`,
      kind: BAG_REMINDER_KIND,
      channel: 'EMAIL',
      topic: 'BAG_REMINDERS',
      to: reminder.email,
      email: reminder.email,
      content: { ...content, headers },
    });
    return id !== null;
  }
  const phone = await knownSmsPhone(reminder.email);
  if (!phone || !(await mayMessage(reminder.email, 'SMS', 'BAG_REMINDERS', phone))) return false;
  const id = await enqueueMessage({
    key: `${key}:sms`,
    kind: BAG_REMINDER_KIND,
    channel: 'SMS',
    topic: 'BAG_REMINDERS',
    to: phone,
    email: reminder.email,
    content: { text: bagReminderSms(url) },
  });
  if (id) await db.bagReminder.update({ where: { id: reminder.id }, data: { smsAt: new Date() } });
  return id !== null;
}
