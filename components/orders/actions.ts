'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, type ActionState } from '@/lib/action';
import { clientIp } from '@/lib/auth/request-ip';
import { getViewableOrder } from '@/lib/orders/access';
import { cancelOrder, CancelRefusedError } from '@/lib/orders/cancel';
import { sendNewPickupCode } from '@/lib/orders/confirmation';
import { OrderError } from '@/lib/orders/errors';
import { lookupOrderId } from '@/lib/orders/history';
import { orderIdSchema, orderLookupSchema } from '@/lib/orders/order-schemas';
import { rateLimitOrders } from '@/lib/orders/rate-limits';
import { findReceipt, rememberReceipt } from '@/lib/orders/receipts';
import { TransitionError } from '@/lib/orders/state';
import { currentOrderViewer } from '@/lib/orders/viewer';
import { describeRetry } from '@/lib/rate-limit';

const orderForm = z.object({ orderId: orderIdSchema });

function refusal(error: unknown): ActionState | null {
  if (error instanceof OrderError || error instanceof TransitionError || error instanceof CancelRefusedError) return { ok: false, message: error.message };
  return null;
}

function revalidateOrder(orderId: string) {
  revalidatePath(`/orders/${orderId}`);
  revalidatePath(`/account/orders/${orderId}`);
  revalidatePath('/account/orders');
}

export const cancelOrderAction = action(orderForm, async ({ orderId }) => {
  try {
    const result = await cancelOrder(await currentOrderViewer(), orderId);
    revalidateOrder(orderId);
    const refund = result.refunded ? ' Your payment is being refunded to the way you paid; it usually shows within 5–10 working days.' : '';
    return { ok: true, message: `Your order is cancelled.${refund}` };
  } catch (error) {
    const refused = refusal(error);
    if (refused) return refused;
    throw error;
  }
});

export const sendNewPickupCodeAction = action(orderForm, async ({ orderId }, user) => {
  const order = await getViewableOrder(orderId).catch((error: unknown) => {
    if (error instanceof OrderError) return null;
    throw error;
  });
  if (!order) return { ok: false, message: 'We could not find that order.' };
  const receipt = await findReceipt(orderId);
  const isOwner = Boolean(user && order.userId === user.id);
  if (!isOwner && !receipt) return { ok: false, message: 'Only the shopper who placed this order can ask for a new pickup code.' };
  const limit = await rateLimitOrders([['pickupCodeOrder', orderId], ['pickupCodeIp', clientIp(await headers())]]);
  if (!limit.ok) return { ok: false, message: `We have sent several codes already. Try again in ${describeRetry(limit.retryAfterSeconds)}.` };
  const code = await sendNewPickupCode(orderId);
  // A device that only looked the order up (number and e-mail) gets the code by e-mail, not on screen.
  if (isOwner || receipt?.code) await rememberReceipt({ id: orderId, code });
  revalidateOrder(orderId);
  return { ok: true, message: `We e-mailed a new pickup code to ${order.email}. Your previous code no longer works.` };
});

export const lookupOrderAction = action(orderLookupSchema, async ({ number, email }) => {
  const values = { number, email };
  const limit = await rateLimitOrders([['orderLookupEmail', email], ['orderLookupIp', clientIp(await headers())]]);
  if (!limit.ok) return { ok: false, message: `Too many lookups. Try again in ${describeRetry(limit.retryAfterSeconds)}.`, values };
  const orderId = await lookupOrderId({ number, email });
  // One answer for a wrong number and a wrong e-mail.
  if (!orderId) return { ok: false, message: 'We could not find an order with that number and e-mail address. Check both against your confirmation e-mail.', values };
  // A receipt this device already has (with its pickup code) is worth more than a bare lookup.
  if (!(await findReceipt(orderId))) await rememberReceipt({ id: orderId, code: null });
  redirect(`/orders/${orderId}`);
});
