import 'server-only';
import { env } from '@/lib/env';
import { OrderError } from '@/lib/orders/errors';
import { demoPaymentsEnabled, demoProvider } from './demo';
import { payAtPickupProvider } from './pay-at-pickup';
import type { PaymentProvider, PaymentProviderKind } from './provider';
import { stripeProvider } from './stripe';

export type PaymentMethodChoice = 'online' | 'pay_at_pickup';

// Which provider takes an online payment here: Stripe when its keys are set, else the demo sheet in demo mode.
export function onlinePaymentKind(): PaymentProviderKind | null {
  if (env.stripeEnabled) return 'STRIPE';
  return demoPaymentsEnabled() ? 'DEMO' : null;
}

export function availablePaymentMethods(fulfilment: 'DELIVERY' | 'PICKUP'): PaymentMethodChoice[] {
  const methods: PaymentMethodChoice[] = onlinePaymentKind() ? ['online'] : [];
  if (fulfilment === 'PICKUP') methods.push('pay_at_pickup');
  return methods;
}

export function paymentKindFor(choice: PaymentMethodChoice): PaymentProviderKind {
  if (choice === 'pay_at_pickup') return 'PAY_AT_PICKUP';
  const kind = onlinePaymentKind();
  if (!kind) throw new OrderError('payment_not_allowed', 'Online payment is not available. Choose pay at pickup.');
  return kind;
}

export function getPaymentProvider(kind: PaymentProviderKind): PaymentProvider {
  switch (kind) {
    case 'STRIPE':
      return stripeProvider;
    case 'DEMO':
      return demoProvider;
    case 'PAY_AT_PICKUP':
      return payAtPickupProvider;
  }
}
