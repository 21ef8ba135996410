import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { getViewableOrder } from '@/lib/orders/access';
import { sendNewPickupCode } from '@/lib/orders/confirmation';
import { OrderError } from '@/lib/orders/errors';
import { rateLimitAll } from '@/lib/rate-limit';
import { findReceipt, placedHere, rememberReceipt } from '@/lib/orders/receipts';

export type NewPickupCodeResult =
  | { ok: true; email: string; shownHere: boolean }
  | { ok: false; reason: 'not_found' | 'not_allowed' | 'rate_limited'; retryAfterSeconds?: number };

// "Send me a new pickup code", for the order's owner or a device holding its receipt (staff who can see the order
// may not: a code they asked for would let them hand it over to anyone). Call from a server action: the new code
// is kept in this device's receipt when the device may show it (the owner, or the device that placed the order),
// not when the device only looked the order up by number and e-mail.
export async function requestNewPickupCode(user: SessionUser | null, orderId: string, clientIp: string): Promise<NewPickupCodeResult> {
  const order = await getViewableOrder(orderId).catch((error: unknown) => {
    if (error instanceof OrderError) return null;
    throw error;
  });
  if (!order) return { ok: false, reason: 'not_found' };
  const receipt = await findReceipt(orderId);
  const isOwner = Boolean(user && order.userId === user.id);
  if (!isOwner && !receipt) return { ok: false, reason: 'not_allowed' };
  const limit = await rateLimitAll([
    ['pickupCodeOrder', orderId],
    ['pickupCodeIp', clientIp],
  ]);
  if (!limit.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  const code = await sendNewPickupCode(orderId);
  const shownHere = isOwner || placedHere(receipt);
  if (shownHere) await rememberReceipt({ id: orderId, code, placed: placedHere(receipt) });
  return { ok: true, email: order.email, shownHere };
}
