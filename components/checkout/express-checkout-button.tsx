'use client';

import { Elements, ExpressCheckoutElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type {
  StripeExpressCheckoutElementClickEvent,
  StripeExpressCheckoutElementConfirmEvent,
  StripeExpressCheckoutElementShippingRateChangeEvent,
} from '@stripe/stripe-js';
import { useRef, useState } from 'react';
import { useOptimisticCart } from '@/components/cart/cart-provider';
import { useMyStore } from '@/components/stores/my-store-state';
import { formatMoney } from '@/lib/utils';
import { newIdempotencyKey, submitCheckout } from './checkout-client';
import { loadStripeOnce, stripeAppearance, walletAddress } from './stripe-loader';
import { useWalletRates, type WalletRate } from './wallet-rates';

// Apple Pay / Google Pay / Link straight from the bag: the wallet supplies the e-mail and, for delivery, the
// address; with a store chosen it also offers collection there. The server places and prices the order for the
// bag, and Stripe confirms the payment.
export function ExpressCheckoutButton({ publishableKey }: { publishableKey: string }) {
  const { cart } = useOptimisticCart();
  const { store } = useMyStore();
  const rates = useWalletRates(cart, store);
  // Shown once the server has priced the bag.
  if (!cart || !rates[0]) return null;
  return (
    <Elements
      stripe={loadStripeOnce(publishableKey)}
      options={{ mode: 'payment', amount: rates[0].totalMinor, currency: cart.currency.toLowerCase(), appearance: stripeAppearance }}
    >
      <ExpressButton rates={rates} />
    </Elements>
  );
}

function ExpressButton({ rates }: { rates: WalletRate[] }) {
  const stripe = useStripe();
  const elements = useElements();
  const [message, setMessage] = useState<string | null>(null);
  // The rate the wallet shows as chosen, and so the total it shows.
  const chosen = useRef<WalletRate>(rates[0]!);

  function choose(rate: WalletRate) {
    chosen.current = rate;
    elements?.update({ amount: rate.totalMinor });
  }

  // Shipping rates go to the wallet when it opens (the element's own options cannot change them later).
  function click(event: StripeExpressCheckoutElementClickEvent) {
    setMessage(null);
    choose(rates[0]!);
    event.resolve({ shippingRates: rates.map(({ id, amount, displayName }) => ({ id, amount, displayName })) });
  }

  function rateChange(event: StripeExpressCheckoutElementShippingRateChangeEvent) {
    const rate = rates.find((r) => r.id === event.shippingRate.id);
    if (!rate) return event.reject();
    choose(rate);
    event.resolve();
  }

  async function confirm(event: StripeExpressCheckoutElementConfirmEvent) {
    if (!stripe || !elements) return;
    const submitted = await elements.submit();
    if (submitted.error) return setMessage(submitted.error.message ?? 'Check your payment details.');
    const rate = rates.find((r) => r.id === event.shippingRate?.id) ?? chosen.current;
    const email = event.billingDetails?.email;
    if (!email) return event.paymentFailed({ reason: 'fail', message: 'We need an e-mail address for your receipt.' });
    // Collecting in store: the address the wallet holds is neither sent nor kept.
    const body = rate.pickupStoreId
      ? { email, fulfilment: 'PICKUP', pickupLocationId: rate.pickupStoreId, payment: 'online' }
      : event.shippingAddress && {
          email,
          fulfilment: 'DELIVERY',
          shippingAddress: walletAddress(event.shippingAddress),
          payment: 'online',
        };
    if (!body) return event.paymentFailed({ reason: 'invalid_shipping_address', message: 'We need a delivery address.' });
    const placed = await submitCheckout(body, newIdempotencyKey());
    if (!placed.ok || placed.data.payment.provider !== 'STRIPE') {
      const text = placed.ok ? 'Wallet payments are not available.' : placed.message;
      event.paymentFailed({ reason: 'fail', message: text });
      return setMessage(text);
    }
    // The shopper approved the total the wallet showed; a different total from the server is not taken.
    const { order } = placed.data;
    if (order.totalMinor !== rate.totalMinor) {
      const text = `The total is now ${formatMoney(order.totalMinor, order.currency)}. Nothing was charged; tap the button again to pay it.`;
      event.paymentFailed({ reason: 'fail', message: text });
      return setMessage(text);
    }
    const returnUrl = new URL(placed.data.confirmationUrl, window.location.origin).toString();
    const { error } = await stripe.confirmPayment({
      elements,
      clientSecret: placed.data.payment.clientSecret,
      confirmParams: { return_url: returnUrl },
    });
    setMessage(`${error.message ?? 'Your payment did not go through.'} Nothing was charged, and your bag is as it was.`);
  }

  return (
    <div className="flex min-h-12 flex-col gap-2" role="group" aria-label="Express checkout">
      <ExpressCheckoutElement
        options={{ emailRequired: true, shippingAddressRequired: true, allowedShippingCountries: ['GB'] }}
        onClick={click}
        onShippingRateChange={rateChange}
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
