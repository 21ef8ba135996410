// POST /api/v1/checkout/demo-payment – the demo test sheet's answer for an order ({ orderId, outcome })
import { route } from '@/lib/api/route';
import { getSessionUser } from '@/lib/auth/session';
import { demoPaymentJson } from '@/lib/checkout/api';
import { payDemoOrder } from '@/lib/checkout/checkout';
import { demoPaymentBodySchema } from '@/lib/checkout/schemas';
import { findReceipt } from '@/lib/orders/receipts';

export const POST = route({ body: demoPaymentBodySchema, label: 'checkout' }, async ({ body: { orderId, outcome } }) => {
  const [user, receipt] = await Promise.all([getSessionUser(), findReceipt(orderId)]);
  const result = await payDemoOrder({ user, receipt }, orderId, outcome);
  return demoPaymentJson({ orderId, ...result });
});
