import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/lib/analytics/record';
import { db } from '@/lib/db';

// The bag reminder's link (lib/messaging/bag-reminders.ts bagReminderUrl): the id of its series.
export const reminderParamsSchema = z.object({ id: z.string().regex(/^bag_[0-9a-f]{32}$/) });

// Records that the shopper opened their bag from a reminder (REMINDER_OPENED with the bag), in the request, so the
// channel is the device they opened it on. An unknown id records nothing; either way the caller shows the bag.
export async function recordReminderOpened(reminderId: string): Promise<boolean> {
  const reminder = await db.bagReminder.findUnique({ where: { id: reminderId }, select: { cartId: true } });
  if (!reminder) return false;
  const cart = await db.cart.findUnique({ where: { id: reminder.cartId }, select: { userId: true } });
  recordEvent({ type: 'REMINDER_OPENED', cartId: reminder.cartId, customerId: cart?.userId ?? null });
  return true;
}
