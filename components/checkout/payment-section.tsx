'use client';

import type { StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';
import dynamic from 'next/dynamic';
import type { Quote } from '@/lib/checkout/quote';
import type { Fulfilment } from './fulfilment-step';
import { PaymentChoice, type Payment } from './payment-choice';
import type { ExpressStart, StripeHandle } from './stripe-payment';

// Stripe's code is fetched only when Stripe is configured and the payment section shows.
const StripePayment = dynamic(() => import('./stripe-payment').then((m) => m.StripePayment), {
  ssr: false,
  loading: () => <p className="min-h-48 text-sm text-muted">Loading secure payment…</p>,
});

// Step 3: a pickup order is paid now or at the counter, a delivery now. Paying now is Stripe's card and wallet form,
// or in demo mode a test payment sheet that opens once the order is placed.
export function PaymentSection({
  fulfilment,
  online,
  payment,
  onPayment,
  stripeKey,
  totals,
  onStripeReady,
  onExpressConfirm,
}: {
  fulfilment: Fulfilment;
  online: 'STRIPE' | 'DEMO' | null;
  payment: Payment;
  onPayment: (payment: Payment) => void;
  stripeKey: string | null;
  totals: Quote['totals'];
  onStripeReady: (handle: StripeHandle | null) => void;
  onExpressConfirm: (event: StripeExpressCheckoutElementConfirmEvent) => Promise<ExpressStart>;
}) {
  return (
    <section aria-labelledby="payment-heading" className="flex flex-col gap-3">
      <h2 id="payment-heading" className="text-lg font-semibold">
        3. Payment
      </h2>
      {fulfilment === 'PICKUP' && <PaymentChoice online={online} value={payment} onChange={onPayment} />}
      {payment === 'online' && online === 'STRIPE' && stripeKey && totals && (
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
      {payment === 'online' && online === 'DEMO' && (
        <p className="text-sm text-muted">After you place the order, a test payment sheet opens. No card is charged in demo mode.</p>
      )}
      {!online && fulfilment === 'DELIVERY' && (
        <p className="text-sm font-medium text-danger">Online payment is not available right now. Choose pickup and pay in store.</p>
      )}
    </section>
  );
}
