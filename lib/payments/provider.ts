import type { OrderSummary, PaymentProviderKind } from '@/lib/orders/types';

export type { PaymentProviderKind };

export type PaymentOrder = Pick<OrderSummary, 'id' | 'number' | 'email' | 'fulfilment' | 'currency' | 'totalMinor'> &
  Partial<Pick<OrderSummary, 'status'>>;
export type PaidOrderRef = { id: string; paymentIntentId: string | null };

export type DemoOutcome = 'succeed' | 'decline' | 'requires_action';

// What the checkout page needs to take the payment: a Stripe client secret for the Payment / Express Checkout
// Elements, the demo sheet's choices, or nothing more to do (pay at pickup).
export type PaymentStart =
  | { provider: 'STRIPE'; status: 'requires_payment'; clientSecret: string; paymentIntentId: string }
  | { provider: 'DEMO'; status: 'requires_payment'; outcomes: readonly DemoOutcome[] }
  | { provider: 'PAY_AT_PICKUP'; status: 'confirmed' };

export interface PaymentProvider {
  readonly kind: PaymentProviderKind;
  createPayment(order: PaymentOrder): Promise<PaymentStart>;
  // Stops a payment that has not completed, so it can no longer succeed.
  cancel(order: PaidOrderRef): Promise<void>;
  // Gives back the whole amount taken for the order.
  refund(order: PaidOrderRef): Promise<void>;
  // Gives back part of it (a pickup line dropped or replaced by a cheaper one); `key` names this one refund, so a
  // retry after a failure refunds once.
  refundPart(order: PaidOrderRef, amountMinor: number, key: string): Promise<void>;
}

// Stripe retries a mutating call safely when it carries the same key; one key per order and operation.
export function idempotencyKey(orderId: string, operation: 'create' | 'cancel' | 'refund'): string {
  return `order-${orderId}-${operation}`;
}
