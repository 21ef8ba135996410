'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, type ActionState } from '@/lib/action';
import { clientIp } from '@/lib/auth/request-ip';
import { AppError } from '@/lib/errors';
import { cancelOrder } from '@/lib/orders/cancel';
import { sendCancelCode } from '@/lib/orders/cancel-code';
import { lookUpOrderForDevice } from '@/lib/orders/lookup';
import { requestNewPickupCode } from '@/lib/pickup/new-code';
import { cancelCodeSchema, orderIdSchema, orderLookupSchema } from '@/lib/orders/schemas';
import { currentOrderViewer } from '@/lib/orders/access';
import { describeRetry } from '@/lib/rate-limit';

const orderForm = z.object({ orderId: orderIdSchema });
// The code field is there only for a device that looked the order up (the e-mailed code).
const cancelForm = z.object({ orderId: orderIdSchema, code: cancelCodeSchema.optional().or(z.literal('').transform(() => undefined)) });

function refusal(error: unknown): ActionState | null {
  if (error instanceof AppError) return { ok: false, message: error.message };
  return null;
}

function revalidateOrder(orderId: string) {
  revalidatePath(`/orders/${orderId}`);
  revalidatePath(`/account/orders/${orderId}`);
  revalidatePath('/account/orders');
}

export const cancelOrderAction = action(cancelForm, async ({ orderId, code }) => {
  try {
    const result = await cancelOrder(await currentOrderViewer(), orderId, { code });
    revalidateOrder(orderId);
    const refund = result.refunded ? ' Your payment is being refunded to the way you paid; it usually shows within 5–10 working days.' : '';
    return { ok: true, message: `Your order is cancelled.${refund}` };
  } catch (error) {
    const refused = refusal(error);
    if (refused) return refused;
    throw error;
  }
});

export const sendCancelCodeAction = action(orderForm, async ({ orderId }) => {
  try {
    const { email } = await sendCancelCode(await currentOrderViewer(), orderId, clientIp(await headers()));
    return { ok: true, message: `We e-mailed a 6-digit code to ${email}. It works for 15 minutes.` };
  } catch (error) {
    const refused = refusal(error);
    if (refused) return refused;
    throw error;
  }
});

const newCodeRefusals = {
  not_found: 'We could not find that order.',
  not_allowed: 'Only the shopper who placed this order can ask for a new pickup code.',
  rate_limited: 'We have sent several codes already.',
} as const;

export const sendNewPickupCodeAction = action(orderForm, async ({ orderId }, user) => {
  const result = await requestNewPickupCode(user, orderId, clientIp(await headers()));
  if (!result.ok) {
    const retry = result.retryAfterSeconds ? ` Try again in ${describeRetry(result.retryAfterSeconds)}.` : '';
    return { ok: false, message: `${newCodeRefusals[result.reason]}${retry}` };
  }
  revalidateOrder(orderId);
  return { ok: true, message: `We e-mailed a new pickup code to ${result.email}. Your previous code no longer works.` };
});

export const lookupOrderAction = action(orderLookupSchema, async (input) => {
  const result = await lookUpOrderForDevice(input, clientIp(await headers()));
  if (result.ok) redirect(`/orders/${result.orderId}`);
  const message =
    result.reason === 'rate_limited'
      ? `Too many lookups. Try again in ${describeRetry(result.retryAfterSeconds)}.`
      : 'We could not find an order with that number and e-mail address. Check both against your confirmation e-mail.';
  return { ok: false, message, values: input };
});
