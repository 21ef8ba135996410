'use client';

import type { Stripe, StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';

type ShippingAddress = NonNullable<StripeExpressCheckoutElementConfirmEvent['shippingAddress']>;

let loading: Promise<Stripe | null> | null = null;

// Stripe.js is fetched only when a Stripe element is about to show, and once per page.
export function loadStripeOnce(publishableKey: string): Promise<Stripe | null> {
  loading ??= import('@stripe/stripe-js').then((m) => m.loadStripe(publishableKey));
  return loading;
}

export function walletAddress(shipping: ShippingAddress) {
  const a = shipping.address;
  return { name: shipping.name, line1: a.line1, line2: a.line2, city: a.city, postcode: a.postal_code, country: a.country || 'GB' };
}

export const stripeAppearance = {
  theme: 'stripe' as const,
  variables: {
    colorPrimary: '#1f4d3a',
    colorText: '#17201b',
    colorDanger: '#b3261e',
    borderRadius: '10px',
    fontFamily: 'system-ui, sans-serif',
  },
};
