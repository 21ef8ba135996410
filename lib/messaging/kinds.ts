import 'server-only';
import { recordEvent } from '@/lib/analytics/record';
import { db } from '@/lib/db';

// Message kinds the worker treats specially at delivery: some stop mattering between being queued and being sent,
// some record an analytics event once sent.
export const COLLECT_REMINDER_KIND = 'pickup_collect_reminder';
export const BAG_REMINDER_KIND = 'bag_reminder';

// Unique per bag version; the channel is appended (":email", ":sms").
export const bagReminderKey = (cartId: string, version: number) => `${BAG_REMINDER_KIND}:${cartId}:${version}`;
const cartOfBagReminderKey = (key: string) => key.split(':')[1] ?? null;

type Row = { kind: string; key: string; orderId: string | null };

// False when a message is no longer worth sending: a "not yet collected" reminder whose order was collected or
// cancelled since it was queued (an SMS waiting out quiet hours, say).
export async function stillDue(row: Row): Promise<boolean> {
  if (row.kind !== COLLECT_REMINDER_KIND || !row.orderId) return true;
  const pickup = await db.pickup.findUnique({ where: { orderId: row.orderId }, select: { status: true } });
  return pickup?.status === 'READY' || pickup?.status === 'WAITING';
}

// Once sent. A bag reminder (e-mail or SMS) records REMINDER_SENT with its bag. Sent by the worker, outside any
// request, so the channel is said here: the one the bag was last added to from (its latest BAG_ADDED event), the
// device the reminder means to bring the shopper back to; PHONE_WEB when none was recorded. Never throws.
export async function afterSent(row: Row, sentAt: Date): Promise<void> {
  if (row.kind !== BAG_REMINDER_KIND) return;
  const cartId = cartOfBagReminderKey(row.key);
  if (!cartId) return;
  try {
    const [cart, added] = await Promise.all([
      db.cart.findUnique({ where: { id: cartId }, select: { userId: true } }),
      db.commerceEvent.findFirst({
        where: { cartId, type: 'BAG_ADDED', channel: { in: ['PHONE_WEB', 'DESKTOP_WEB'] } },
        orderBy: { occurredAt: 'desc' },
        select: { channel: true },
      }),
    ]);
    recordEvent({
      type: 'REMINDER_SENT',
      cartId,
      customerId: cart?.userId ?? null,
      storeId: null,
      channel: added?.channel ?? 'PHONE_WEB',
      occurredAt: sentAt,
    });
  } catch (error) {
    console.error('[messaging] recording a sent reminder failed', row.key, error);
  }
}
