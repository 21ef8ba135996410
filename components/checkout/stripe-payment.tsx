'use client';

import { Elements, ExpressCheckoutElement, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';
import { useEffect, useState } from 'react';
import { loadStripeOnce, stripeAppearance } from './stripe-loader';

export type StripeHandle = {
  // Checks the card form before the order is placed; returns an error to show, or null.
  validate: () => Promise<string | null>;
  // Confirms the order's PaymentIntent; Stripe redirects to returnUrl on success (after 3-D Secure if needed).
  pay: (clientSecret: string, returnUrl: string) => Promise<string>;
};

export type ExpressStart = { clientSecret: string; returnUrl: string } | { error: string };

type Props = {
  publishableKey: string;
  amountMinor: number;
  currency: string;
  collectShipping: boolean;
  shippingMinor: number;
  onReady: (handle: StripeHandle | null) => void;
  onExpressConfirm: (event: StripeExpressCheckoutElementConfirmEvent) => Promise<ExpressStart>;
};

// Apple Pay / Google Pay / Link through the Express Checkout Element, and cards through the Payment Element.
// The PaymentIntent is created only when the shopper pays (deferred intent), so nothing is held before then.
export function StripePayment({ publishableKey, amountMinor, currency, ...rest }: Props) {
  return (
    <Elements
      stripe={loadStripeOnce(publishableKey)}
      options={{ mode: 'payment', amount: Math.max(amountMinor, 1), currency: currency.toLowerCase(), appearance: stripeAppearance }}
    >
      <StripeFields {...rest} />
    </Elements>
  );
}

function StripeFields({
  collectShipping,
  shippingMinor,
  onReady,
  onExpressConfirm,
}: Omit<Props, 'publishableKey' | 'amountMinor' | 'currency'>) {
  const stripe = useStripe();
  const elements = useElements();
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!stripe || !elements) return;
    onReady({
      validate: async () => (await elements.submit()).error?.message ?? null,
      pay: async (clientSecret, returnUrl) => {
        const { error } = await stripe.confirmPayment({ elements, clientSecret, confirmParams: { return_url: returnUrl } });
        return error.message ?? 'Your payment did not go through. Nothing was charged.';
      },
    });
    return () => onReady(null);
  }, [stripe, elements, onReady]);

  async function confirmExpress(event: StripeExpressCheckoutElementConfirmEvent) {
    if (!stripe || !elements) return;
    const submitted = await elements.submit();
    if (submitted.error) return setMessage(submitted.error.message ?? 'Check your payment details.');
    const start = await onExpressConfirm(event);
    if ('error' in start) {
      event.paymentFailed({ reason: 'fail', message: start.error });
      return;
    }
    const { error } = await stripe.confirmPayment({
      elements,
      clientSecret: start.clientSecret,
      confirmParams: { return_url: start.returnUrl },
    });
    setMessage(error.message ?? 'Your payment did not go through. Nothing was charged.');
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="min-h-12">
        <ExpressCheckoutElement
          options={{
            emailRequired: true,
            shippingAddressRequired: collectShipping,
            allowedShippingCountries: ['GB'],
            ...(collectShipping
              ? { shippingRates: [{ id: 'standard', amount: shippingMinor, displayName: 'Standard delivery (2–4 working days)' }] }
              : {}),
          }}
          onConfirm={(event) => void confirmExpress(event)}
        />
      </div>
      <p className="text-center text-sm text-muted">or pay by card</p>
      <PaymentElement options={{ layout: 'tabs' }} />
      {message && (
        <p role="alert" className="text-sm font-medium text-danger">
          {message}
        </p>
      )}
    </div>
  );
}
