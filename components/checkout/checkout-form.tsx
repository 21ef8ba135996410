'use client';

import type { StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useOptimisticCart } from '@/components/cart/cart-provider';
import { useMyStore } from '@/components/stores/my-store-state';
import { buttonClassName } from '@/components/ui/button';
import { applyPending } from '@/lib/cart/optimistic';
import type { CartView } from '@/lib/cart/types';
import type { Quote } from '@/lib/checkout/quote';
import type { StoreView } from '@/lib/stores/view';
import { formatMoney } from '@/lib/utils';
import type { AddressInput } from './address-fields';
import type { PlacedOrder, QuoteRequest } from './checkout-client';
import { noConsent, type ConsentChoice } from './consent-boxes';
import { ContactStep } from './contact-step';
import { FulfilmentStep, type Fulfilment } from './fulfilment-step';
import type { Payment } from './payment-choice';
import { PaymentSection } from './payment-section';
import { PaymentStep } from './payment-step';
import { PlaceOrderPanel } from './place-order-panel';
import { ReviewStep } from './review-step';
import type { ExpressStart, StripeHandle } from './stripe-payment';
import { walletAddress } from './stripe-loader';
import { usePlaceOrder } from './use-place-order';
import { quoteRequest, useQuote } from './use-quote';

export type CheckoutDefaults = { email: string; address: AddressInput | null };

const blankAddress: AddressInput = { name: '', line1: '', line2: '', city: '', postcode: '', phone: '' };

// The checkout page's form: it holds the shopper's choices, shows the four steps and places the order (then Stripe's
// payment, or the demo payment sheet).
export function CheckoutForm({
  initialCart,
  signedIn,
  defaults,
  online,
  stripeKey,
  initialQuote,
}: {
  initialCart: CartView | null;
  signedIn: boolean;
  defaults: CheckoutDefaults;
  online: 'STRIPE' | 'DEMO' | null;
  stripeKey: string | null;
  initialQuote: { request: QuoteRequest; quote: Quote } | null;
}) {
  const router = useRouter();
  const { cart: liveCart } = useOptimisticCart();
  // Until the browser's cart store has the bag, the one the page was rendered with.
  const [firstCart] = useState(() => (initialCart ? applyPending(initialCart, []) : null));
  const cart = liveCart ?? firstCart;
  const { store: myStore } = useMyStore();
  const [email, setEmail] = useState(defaults.email);
  const [fulfilment, setFulfilment] = useState<Fulfilment>('PICKUP');
  const [address, setAddress] = useState<AddressInput>(defaults.address ?? blankAddress);
  const [chosenStore, setChosenStore] = useState<StoreView | null>(null);
  const [payment, setPayment] = useState<Payment>(online ? 'online' : 'pay_at_pickup');
  const [discountCode, setDiscountCode] = useState('');
  const [consent, setConsent] = useState<ConsentChoice>(noConsent);
  const [points, setPoints] = useState(0);
  const [placing, setPlacing] = useState(false);
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const { place, errors, formError, setFormError, shortLines, clearShortLines } = usePlaceOrder();
  const stripeRef = useRef<StripeHandle | null>(null);
  const onStripeReady = useCallback((handle: StripeHandle | null) => (stripeRef.current = handle), []);

  const store = chosenStore ?? (myStore?.pickup.enabled ? myStore : null);
  const lines = (cart?.lines ?? []).filter((l) => l.status !== 'unavailable');
  const paymentChoice: Payment = fulfilment === 'DELIVERY' ? 'online' : payment;
  const code = discountCode.trim() || null;
  const { quote } = useQuote(lines.length ? quoteRequest(lines, fulfilment, code, email, points) : null, initialQuote);

  function body(overrides: { email?: string; address?: ReturnType<typeof walletAddress> } = {}) {
    const common = {
      email: overrides.email ?? email,
      discountCode: code,
      payment: paymentChoice,
      ...(consent.smsUpdates || consent.offers ? { consent } : {}),
      ...(points ? { points } : {}),
    };
    if (fulfilment === 'PICKUP') return { ...common, fulfilment, pickupLocationId: store?.id ?? '' };
    const a = overrides.address ?? { ...address, line2: address.line2 || null, phone: address.phone || null, country: 'GB' };
    return { ...common, fulfilment, shippingAddress: a };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (placing) return;
    setPlacing(true);
    try {
      const stripe = paymentChoice === 'online' && online === 'STRIPE' ? stripeRef.current : null;
      // Placed before Stripe's form has loaded, the order would hold stock with no way to pay for it.
      if (paymentChoice === 'online' && online === 'STRIPE' && !stripe)
        return setFormError('The secure payment form is still loading. Try again in a moment.');
      if (stripe) {
        const invalid = await stripe.validate();
        if (invalid) return setFormError(invalid);
      }
      const order = await place(body());
      if (!order) return;
      if (order.payment.provider === 'PAY_AT_PICKUP') return router.push(order.confirmationUrl);
      setPlaced(order);
      if (stripe && order.payment.provider === 'STRIPE')
        setFormError(await stripe.pay(order.payment.clientSecret, absolute(order.confirmationUrl)));
    } finally {
      setPlacing(false);
    }
  }

  async function onExpressConfirm(event: StripeExpressCheckoutElementConfirmEvent): Promise<ExpressStart> {
    const wallet = {
      email: event.billingDetails?.email ?? email,
      ...(event.shippingAddress ? { address: walletAddress(event.shippingAddress) } : {}),
    };
    const order = await place(body(wallet));
    if (!order || order.payment.provider !== 'STRIPE') return { error: formErrorText(order) };
    setPlaced(order);
    return { clientSecret: order.payment.clientSecret, returnUrl: absolute(order.confirmationUrl) };
  }

  // The same reserved height while the bag loads and when it is empty, so nothing below moves.
  if (!cart)
    return (
      <p className="min-h-[36rem] text-muted" role="status">
        Loading your bag…
      </p>
    );
  if (!lines.length && !placed) {
    return (
      <div className="min-h-[36rem] py-8 text-center" data-testid="checkout-empty">
        <p className="text-lg font-semibold">Your bag is empty</p>
        <Link href="/" className={buttonClassName('secondary', 'mt-4')}>
          Start shopping
        </Link>
      </div>
    );
  }

  if (placed && placed.payment.provider === 'DEMO') {
    return <PaymentStep placed={placed} onRetry={() => setPlaced(null)} />;
  }

  const totals = quote?.totals ?? null;
  const totalLabel = totals ? formatMoney(totals.totalMinor, totals.currency) : '';
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="grid gap-8 lg:grid-cols-[1fr_22rem]"
      aria-describedby={formError ? 'checkout-error' : undefined}
    >
      <div className="flex flex-col gap-8">
        <ContactStep email={email} onEmail={setEmail} consent={consent} onConsent={setConsent} signedIn={signedIn} errors={errors} />
        <FulfilmentStep
          fulfilment={fulfilment}
          onFulfilment={setFulfilment}
          store={store}
          onStore={(s) => {
            setChosenStore(s);
            clearShortLines();
          }}
          onDeliverInstead={() => {
            setFulfilment('DELIVERY');
            clearShortLines();
          }}
          lines={lines}
          address={address}
          onAddress={setAddress}
          quote={quote}
          shortLines={shortLines}
          errors={errors}
        />
        <PaymentSection
          fulfilment={fulfilment}
          online={online}
          payment={paymentChoice}
          onPayment={setPayment}
          stripeKey={stripeKey}
          totals={totals}
          onStripeReady={onStripeReady}
          onExpressConfirm={onExpressConfirm}
        />
      </div>

      <aside aria-labelledby="review-heading" className="flex flex-col gap-4 lg:sticky lg:top-4 lg:self-start">
        <ReviewStep
          lines={lines}
          quote={quote}
          fulfilment={fulfilment}
          signedIn={signedIn}
          points={points}
          onPoints={setPoints}
          discountCode={discountCode}
          onDiscountCode={setDiscountCode}
          discountCodeError={errors.discountCode}
        />
        <PlaceOrderPanel
          placed={placed}
          formError={formError}
          placing={placing}
          disabled={!online && fulfilment === 'DELIVERY'}
          label={paymentChoice === 'pay_at_pickup' ? 'Reserve for pickup' : `Place order · ${totalLabel}`}
        />
      </aside>
    </form>
  );
}

function absolute(path: string): string {
  return new URL(path, window.location.origin).toString();
}

function formErrorText(order: PlacedOrder | null): string {
  return order ? 'This order cannot be paid with a wallet.' : 'Check the details on the page and try again.';
}
