import 'server-only';
import { db } from '@/lib/db';
import { OrderError } from '@/lib/orders/errors';
import type { OrderStatus } from '@/lib/generated/prisma/enums';
import { env } from '@/lib/env';
import { applyPaymentEvent } from './outcomes';
import type { DemoOutcome, PaymentProvider, PaymentStart } from './provider';

const DEMO_OUTCOMES: readonly DemoOutcome[] = ['succeed', 'decline', 'requires_action'];

export function demoPaymentsEnabled(): boolean {
  return !env.stripeEnabled && env.demoMode;
}

// A labelled test sheet instead of a card form; only when no Stripe keys are set (the embedded default).
export const demoProvider: PaymentProvider = {
  kind: 'DEMO',
  async createPayment(): Promise<PaymentStart> {
    // The order was placed with the demo provider already (paymentKindFor), so there is nothing to record.
    if (!demoPaymentsEnabled()) throw new OrderError('payment_not_allowed', 'Demo payments are switched off.');
    return { provider: 'DEMO', status: 'requires_payment', outcomes: DEMO_OUTCOMES };
  },
  async cancel() {},
  async refund() {},
  async refundPart() {},
};

export type DemoPaymentResult = { status: OrderStatus | 'requires_action'; changed: boolean };

// The demo sheet's buttons. They go through the same event-recording path as a Stripe webhook, so a double
// tap is a duplicate event and changes nothing twice. "requires_action" stands for 3-D Secure: nothing moves
// until the shopper completes (succeed) or fails (decline) the extra step.
export async function completeDemoPayment(orderId: string, outcome: DemoOutcome): Promise<DemoPaymentResult> {
  if (!demoPaymentsEnabled()) throw new OrderError('payment_not_allowed', 'Demo payments are switched off.');
  const order = await db.order.findUnique({ where: { id: orderId }, select: { status: true, paymentProvider: true } });
  if (!order || order.paymentProvider !== 'DEMO') throw new OrderError('order_not_found', 'We could not find that order.');
  if (outcome === 'requires_action') return { status: 'requires_action', changed: false };
  const applied = await applyPaymentEvent({
    eventId: `demo_${orderId}_${outcome}`,
    type: outcome === 'succeed' ? 'demo.payment_succeeded' : 'demo.payment_failed',
    outcome: outcome === 'succeed' ? 'succeeded' : 'failed',
    orderId,
  });
  if (applied.result === 'applied') return { status: applied.status, changed: applied.changed };
  const now = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
  return { status: now.status, changed: false };
}
