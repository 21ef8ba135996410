'use client';

import type { StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { FormField } from '@/components/ui/form-field';
import { useOptimisticCart } from '@/components/cart/cart-provider';
import { useMyStore } from '@/components/stores/my-store-state';
import { buttonClassName } from '@/components/ui/button';
import { applyPending } from '@/lib/cart/optimistic';
import type { CartView } from '@/lib/cart/types';
import type { Quote } from '@/lib/checkout/quote';
import type { ShortLine } from '@/lib/inventory/errors';
import type { StoreView } from '@/lib/stores/view';
import { formatMoney } from '@/lib/utils';
import { AddressFields, type AddressInput } from './address-fields';
import { newIdempotencyKey, submitCheckout, type PlacedOrder, type QuoteRequest } from './checkout-client';
import { FulfilmentChoice } from './fulfilment-choice';
import { OrderReview } from './order-review';
import { PaymentChoice, type Payment } from './payment-choice';
import { PaymentStep } from './payment-step';
import { PickupStore } from './pickup-store';
import { ShortLinesNotice } from './short-lines-notice';
import type { ExpressStart, StripeHandle } from './stripe-payment';
import { walletAddress } from './stripe-loader';
import { UsePoints } from './use-points';
import { useQuote } from './use-quote';
import { ConsentBoxes, noConsent, type ConsentChoice } from './consent-boxes';

// Stripe's code is fetched only when Stripe is configured and the payment section shows.
const StripePayment = dynamic(() => import('./stripe-payment').then((m) => m.StripePayment), {
  ssr: false,
  loading: () => <p className="min-h-48 text-sm text-muted">Loading secure payment…</p>,
});

export type CheckoutDefaults = { email: string; address: AddressInput | null };
type Fulfilment = 'PICKUP' | 'DELIVERY';

const blankAddress: AddressInput = { name: '', line1: '', line2: '', city: '', postcode: '', phone: '' };

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
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [shortLines, setShortLines] = useState<ShortLine[]>([]);
  const [placing, setPlacing] = useState(false);
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const stripeRef = useRef<StripeHandle | null>(null);
  // The attempt in flight or last cut short: the same form sent again reuses its Idempotency-Key.
  const attempt = useRef<{ payload: string; key: string } | null>(null);
  const onStripeReady = useCallback((handle: StripeHandle | null) => (stripeRef.current = handle), []);

  const store = chosenStore ?? (myStore?.pickup.enabled ? myStore : null);
  const lines = (cart?.lines ?? []).filter((l) => l.status !== 'unavailable');
  const paymentChoice: Payment = fulfilment === 'DELIVERY' ? 'online' : payment;
  const code = discountCode.trim() || null;
  const { quote } = useQuote(lines.length ? quoteRequest(lines, fulfilment, code, email, points) : null, initialQuote);

  function body(overrides: { email?: string; address?: ReturnType<typeof walletAddress> } = {}) {
    const common = {
      email: overrides.email ?? email,
      discountCode: discountCode.trim() || null,
      payment: paymentChoice,
      ...(consent.smsUpdates || consent.offers ? { consent } : {}),
      ...(points ? { points } : {}),
    };
    if (fulfilment === 'PICKUP') return { ...common, fulfilment, pickupLocationId: store?.id ?? '' };
    const a = overrides.address ?? { ...address, line2: address.line2 || null, phone: address.phone || null, country: 'GB' };
    return { ...common, fulfilment, shippingAddress: a };
  }

  function showIssues(issues: { path: string; message: string }[]) {
    const next: Record<string, string> = {};
    for (const issue of issues) next[issue.path] ??= issue.message;
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  // Places the order (the server reads the bag and prices it). Returns the placed order or null after
  // showing what went wrong where the shopper can fix it.
  async function place(payload: ReturnType<typeof body>): Promise<PlacedOrder | null> {
    setFormError(null);
    setShortLines([]);
    const text = JSON.stringify(payload);
    if (attempt.current?.payload !== text) attempt.current = { payload: text, key: newIdempotencyKey() };
    // The server validates with the shared schema and names each bad field; zod stays out of the page's bundle.
    const result = await submitCheckout(payload, attempt.current.key);
    // Only an attempt that got no answer (offline, or the server failed) is retried under the same key.
    if (result.ok || (result.status >= 400 && result.status < 500)) attempt.current = null;
    setErrors({});
    if (result.ok) return result.data;
    if (result.code === 'out_of_stock') setShortLines(result.lines);
    else if (result.status === 400 && result.issues.length) showIssues(result.issues);
    setFormError(result.message);
    return null;
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
        <section aria-labelledby="contact-heading" className="flex flex-col gap-3">
          <h2 id="contact-heading" className="text-lg font-semibold">
            1. Contact
          </h2>
          <FormField
            label="Email"
            id={fieldId('email')}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={errors.email ? [errors.email] : undefined}
          />
          <p className="text-sm text-muted">
            {signedIn ? (
              'Your confirmation goes here.'
            ) : (
              <>
                We send your confirmation here.{' '}
                <Link href="/sign-in?callbackUrl=/checkout" className="underline">
                  Sign in
                </Link>{' '}
                for your saved address.
              </>
            )}
          </p>
          <ConsentBoxes value={consent} onChange={setConsent} phoneError={errors['consent.phone']} />
        </section>

        <section aria-labelledby="fulfilment-heading" className="flex flex-col gap-3">
          <h2 id="fulfilment-heading" className="text-lg font-semibold">
            2. Delivery or pickup
          </h2>
          <FulfilmentChoice
            value={fulfilment}
            onChange={setFulfilment}
            deliveryLabel={totals && fulfilment === 'DELIVERY' ? deliveryPrice(totals.shippingMinor, totals.currency) : null}
            pickupLabel={store?.pickup.readyBy ? store.pickup.label : null}
          />
          {fulfilment === 'PICKUP' ? (
            <PickupStore
              store={store}
              lines={lines}
              onChosen={(s) => {
                setChosenStore(s);
                setShortLines([]);
              }}
              error={errors.pickupLocationId}
            />
          ) : (
            <>
              <AddressFields value={address} errors={errors} onChange={setAddress} />
              <fieldset>
                <legend className="font-medium">Shipping method</legend>
                <label className="mt-2 flex min-h-11 items-center gap-3 rounded border border-brand px-3">
                  <input type="radio" name="shipping" checked readOnly className="size-5 accent-brand" />
                  <span className="flex-1">Standard delivery, 2–4 working days</span>
                  <span className="tabular-nums">{totals ? deliveryPrice(totals.shippingMinor, totals.currency) : ''}</span>
                </label>
                {quote && (
                  <p className="mt-1 text-sm text-muted">
                    Free on orders of {formatMoney(quote.freeDeliveryFromMinor, totals?.currency ?? 'GBP', { compact: true })} or more.
                  </p>
                )}
              </fieldset>
            </>
          )}
          {shortLines.length > 0 && (
            <ShortLinesNotice
              lines={shortLines}
              fulfilment={fulfilment}
              pickerLines={lines}
              onStore={(s) => {
                setChosenStore(s);
                setShortLines([]);
              }}
              onDeliver={() => {
                setFulfilment('DELIVERY');
                setShortLines([]);
              }}
            />
          )}
        </section>

        <section aria-labelledby="payment-heading" className="flex flex-col gap-3">
          <h2 id="payment-heading" className="text-lg font-semibold">
            3. Payment
          </h2>
          {fulfilment === 'PICKUP' && <PaymentChoice online={online} value={payment} onChange={setPayment} />}
          {paymentChoice === 'online' && online === 'STRIPE' && stripeKey && totals && (
            <StripePayment
              publishableKey={stripeKey}
              amountMinor={totals.totalMinor}
              currency={totals.currency}
              collectShipping={fulfilment === 'DELIVERY'}
              shippingMinor={totals.shippingMinor}
              onReady={onStripeReady}
              onExpressConfirm={onExpressConfirm}
            />
          )}
          {paymentChoice === 'online' && online === 'DEMO' && (
            <p className="text-sm text-muted">After you place the order, a test payment sheet opens. No card is charged in demo mode.</p>
          )}
          {!online && fulfilment === 'DELIVERY' && (
            <p className="text-sm font-medium text-danger">Online payment is not available right now. Choose pickup and pay in store.</p>
          )}
        </section>
      </div>

      <aside aria-labelledby="review-heading" className="flex flex-col gap-4 lg:sticky lg:top-4 lg:self-start">
        <h2 id="review-heading" className="text-lg font-semibold">
          4. Review
        </h2>
        <OrderReview lines={lines} totals={totals} fulfilment={fulfilment} />
        {signedIn && quote?.points && totals && (
          <UsePoints points={quote.points} pointsError={quote.pointsError} currency={totals.currency} value={points} onChange={setPoints} />
        )}
        <FormField
          label="Discount code (optional)"
          id={fieldId('discountCode')}
          name="discountCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={discountCode}
          onChange={(e) => setDiscountCode(e.target.value)}
          errors={errors.discountCode ? [errors.discountCode] : code && quote?.discountError ? [quote.discountError.message] : undefined}
        />
        {placed?.order.holdExpiresAt && placed.payment.provider === 'STRIPE' && (
          <p className="text-sm text-muted">Order {placed.order.number} is waiting for your payment.</p>
        )}
        <p id="checkout-error" role="alert" className="min-h-6 text-sm font-medium text-danger">
          {formError}
        </p>
        <button
          type="submit"
          disabled={placing || (!online && fulfilment === 'DELIVERY')}
          className={buttonClassName('primary', 'w-full text-lg')}
          data-testid="place-order"
        >
          {placing ? 'Placing your order…' : paymentChoice === 'pay_at_pickup' ? 'Reserve for pickup' : `Place order · ${totalLabel}`}
        </button>
        <p className="text-xs text-muted">Prices include VAT. Totals are confirmed by our server when you place the order.</p>
      </aside>
    </form>
  );
}

function fieldId(path: string): string {
  if (path.startsWith('shippingAddress.')) return `shipping-${path.slice('shippingAddress.'.length)}`;
  return path === 'pickupLocationId' ? 'pickup-store' : `checkout-${path}`;
}

function deliveryPrice(minor: number, currency: string): string {
  return minor === 0 ? 'Free' : formatMoney(minor, currency);
}

function absolute(path: string): string {
  return new URL(path, window.location.origin).toString();
}

function formErrorText(order: PlacedOrder | null): string {
  return order ? 'This order cannot be paid with a wallet.' : 'Check the details on the page and try again.';
}

// What the quote is for: the lines on screen, how they reach the shopper and the code typed (with the e-mail, which
// decides a first-order or per-customer code, only once there is a code).
function quoteRequest(
  lines: readonly { variantId: string; quantity: number }[],
  fulfilment: Fulfilment,
  code: string | null,
  email: string,
  points: number,
): QuoteRequest {
  return {
    lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    fulfilment,
    discountCode: code,
    email: code && email.includes('@') ? email.trim() : null,
    ...(points ? { points } : {}),
  };
}
