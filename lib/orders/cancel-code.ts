import 'server-only';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { sendEmail } from '@/lib/notifications/email';
import { CancelCodeEmail } from '@/lib/notifications/emails/cancel-code-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { canManageOrder, canViewOrder, type OrderViewer } from '@/lib/orders/access';
import { CANCELLABLE_STATUSES } from '@/lib/orders/detail';
import { orderNotFound } from '@/lib/orders/errors';
import { describeRetry, rateLimitAll } from '@/lib/rate-limit';

// A device that found an order by number and e-mail may look at it; to cancel it, it proves it can read that
// e-mail: a one-time 6-digit code is e-mailed to the order's address, works for 15 minutes and for 5 tries, and is
// used up by the cancel it allows. The device that placed the order, its owner and its store need none.
const CANCEL_CODE_MINUTES = 15;
const CANCEL_CODE_TRIES = 5;

type CancelCodeErrorCode = 'cancel_code_required' | 'cancel_code_invalid' | 'not_cancellable' | 'rate_limited';

class CancelCodeError extends AppError {
  declare readonly code: CancelCodeErrorCode;
  constructor(code: CancelCodeErrorCode, message: string) {
    super(code === 'rate_limited' ? 429 : code === 'not_cancellable' ? 422 : 403, code, message);
  }
}

function hashCode(orderId: string, code: string): Buffer {
  return createHmac('sha256', authSecret()).update(`cancel-code:${orderId}:${code}`).digest();
}

async function readOrder(orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, email: true, status: true, userId: true, pickupLocationId: true },
  });
}

async function cancelCodeEmail(number: string, code: string, orderUrl: string) {
  const subject = `Your code to cancel order ${number}`;
  const text = `Someone asked to cancel order ${number} from a device that looked it up by number and e-mail.\n\nYour code: ${code}\n\nIt works for ${CANCEL_CODE_MINUTES} minutes: ${orderUrl}\nIf it was not you, ignore this e-mail; your order stays as it is.`;
  const html = await renderEmailHtml(CancelCodeEmail, { number, code, minutes: CANCEL_CODE_MINUTES, url: orderUrl });
  return { subject, text, html };
}

// Sends a new code to the order's e-mail address (replacing any earlier one) for a device that can see the order.
// Returns the address it went to (the looking-up device typed it in). Rate-limited per order and per client.
export async function sendCancelCode(
  viewer: OrderViewer,
  orderId: string,
  clientIp: string,
  now: Date = new Date(),
): Promise<{ email: string }> {
  const order = await readOrder(orderId);
  if (!order || !canViewOrder(order, viewer)) throw orderNotFound();
  if (!CANCELLABLE_STATUSES.includes(order.status))
    throw new CancelCodeError('not_cancellable', 'This order can no longer be cancelled online.');
  const limit = await rateLimitAll([
    ['cancelCodeOrder', orderId],
    ['cancelCodeIp', clientIp],
  ]);
  if (!limit.ok)
    throw new CancelCodeError(
      'rate_limited',
      `We have sent several codes already. Try again in ${describeRetry(limit.retryAfterSeconds)}.`,
    );
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = {
    codeHash: hashCode(orderId, code).toString('hex'),
    expiresAt: new Date(now.getTime() + CANCEL_CODE_MINUTES * 60_000),
    attempts: 0,
    createdAt: now,
  };
  await db.orderCancelCode.upsert({ where: { orderId }, create: { orderId, ...row }, update: row, select: { orderId: true } });
  await sendEmail(
    {
      to: order.email,
      ...(await cancelCodeEmail(order.number, code, `${env.APP_URL.replace(/\/$/, '')}/orders/${orderId}`)),
    },
    { kind: 'cancel_code', orderId },
  );
  return { email: order.email };
}

// Checks a code and uses it up, in a transaction of its own so that a wrong try is counted even though the cancel
// it was for does not happen. Throws CancelCodeError when it is wrong, expired or tried too often.
async function consumeCancelCode(orderId: string, code: string, now: Date): Promise<void> {
  const outcome = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ codeHash: string; expiresAt: Date; attempts: number }[]>`
      SELECT "codeHash", "expiresAt", "attempts" FROM "OrderCancelCode" WHERE "orderId" = ${orderId} FOR UPDATE`;
    if (!row || row.expiresAt <= now || row.attempts >= CANCEL_CODE_TRIES) return 'expired' as const;
    const stored = Buffer.from(row.codeHash, 'hex');
    const given = hashCode(orderId, code.trim());
    if (stored.length === given.length && timingSafeEqual(stored, given)) {
      await tx.orderCancelCode.delete({ where: { orderId }, select: { orderId: true } });
      return 'ok' as const;
    }
    await tx.orderCancelCode.update({ where: { orderId }, data: { attempts: { increment: 1 } }, select: { orderId: true } });
    return 'wrong' as const;
  });
  if (outcome === 'expired')
    throw new CancelCodeError('cancel_code_invalid', 'That code has expired or was tried too often. Ask for a new one.');
  if (outcome === 'wrong') throw new CancelCodeError('cancel_code_invalid', 'That code is not right. Check the e-mail and try again.');
}

// Before a cancel: a viewer who may only look needs a good code; everyone else passes. A missing order, or one
// this viewer cannot see, is the same 404.
export async function assertMayCancel(
  viewer: OrderViewer,
  orderId: string,
  code: string | undefined,
  now: Date = new Date(),
): Promise<void> {
  const order = await readOrder(orderId);
  if (!order || !canViewOrder(order, viewer)) throw orderNotFound();
  if (canManageOrder(order, viewer)) return;
  if (!code) throw new CancelCodeError('cancel_code_required', `To cancel, enter the code we e-mail to ${order.email}.`);
  await consumeCancelCode(orderId, code, now);
}
