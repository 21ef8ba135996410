import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/notifications/email';
import { formatMoney } from '@/lib/utils';
import { getOrderSummaryOrThrow } from './view';

// Sends the order's confirmation e-mail once (a conditional update claims it), with the pickup code when the
// caller has it (the request that placed the order carries it in the receipts cookie). Returns false when the
// e-mail had already been sent. The full template (HTML, QR code) belongs to the orders pages work.
export async function sendOrderConfirmation(orderId: string, pickupCode: string | null): Promise<boolean> {
  const claimed = await db.order.updateMany({
    where: { id: orderId, confirmationSentAt: null, status: { in: ['PAID', 'CONFIRMED'] } },
    data: { confirmationSentAt: new Date() },
  });
  if (claimed.count === 0) return false;
  const order = await getOrderSummaryOrThrow(orderId);
  const lines = order.lines.map((l) => `${l.quantity} × ${l.name}  ${formatMoney(l.lineTotalMinor, order.currency)}`);
  const text = [
    `Thank you for your order ${order.number}.`,
    '',
    ...lines,
    `Total ${formatMoney(order.totalMinor, order.currency)}`,
    ...(pickupCode ? ['', `Your pickup code: ${pickupCode}`] : []),
    '',
    `${env.APP_URL}/orders/${order.id}`,
  ].join('\n');
  await sendEmail({ to: order.email, subject: `Order ${order.number} confirmed`, text });
  return true;
}
