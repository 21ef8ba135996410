'use client';

import { Elements, ExpressCheckoutElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';
import { useState } from 'react';
import { useOptimisticCart } from '@/components/cart/cart-provider';
import { shippingFor } from '@/lib/checkout/totals';
import { submitCheckout } from './checkout-client';
import { loadStripeOnce, stripeAppearance, walletAddress } from './stripe-loader';

// Apple Pay / Google Pay / Link straight from the bag: the wallet supplies e-mail and delivery address, the
// server places the order for the bag and prices it, and Stripe confirms the payment.
export function ExpressCheckoutButton({ publishableKey }: { publishableKey: string }) {
  const { cart } = useOptimisticCart();
  if (!cart || cart.subtotal.amountMinor <= 0) return null;
  const shippingMinor = shippingFor('DELIVERY', cart.subtotal.amountMinor);
  return (
    <Elements
      stripe={loadStripeOnce(publishableKey)}
      options={{ mode: 'payment', amount: cart.subtotal.amountMinor + shippingMinor, currency: cart.currency.toLowerCase(), appearance: stripeAppearance }}
    >
      <ExpressButton shippingMinor={shippingMinor} />
    </Elements>
  );
}

function ExpressButton({ shippingMinor }: { shippingMinor: number }) {
  const stripe = useStripe();
  const elements = useElements();
  const [message, setMessage] = useState<string | null>(null);

  async function confirm(event: StripeExpressCheckoutElementConfirmEvent) {
    if (!stripe || !elements) return;
    const submitted = await elements.submit();
    if (submitted.error) return setMessage(submitted.error.message ?? 'Check your payment details.');
    const email = event.billingDetails?.email;
    if (!email || !event.shippingAddress) return event.paymentFailed({ reason: 'invalid_shipping_address', message: 'We need an e-mail and a delivery address.' });
    const placed = await submitCheckout({ email, fulfilment: 'DELIVERY', shippingAddress: walletAddress(event.shippingAddress), payment: 'online' });
    if (!placed.ok || placed.data.payment.provider !== 'STRIPE') {
      const text = placed.ok ? 'Wallet payments are not available.' : placed.message;
      event.paymentFailed({ reason: 'fail', message: text });
      return setMessage(text);
    }
    const returnUrl = new URL(placed.data.confirmationUrl, window.location.origin).toString();
    const { error } = await stripe.confirmPayment({ elements, clientSecret: placed.data.payment.clientSecret, confirmParams: { return_url: returnUrl } });
    setMessage(error.message ?? 'Your payment did not go through. Nothing was charged.');
  }

  return (
    <div className="flex min-h-12 flex-col gap-2" aria-label="Express checkout">
      <ExpressCheckoutElement
        options={{
          emailRequired: true,
          shippingAddressRequired: true,
          allowedShippingCountries: ['GB'],
          shippingRates: [{ id: 'standard', amount: shippingMinor, displayName: 'Standard delivery (2–4 working days)' }],
        }}
        onConfirm={(event) => void confirm(event)}
      />
      {message && (
        <p role="alert" className="text-sm font-medium text-danger">
          {message}
        </p>
      )}
    </div>
  );
}
