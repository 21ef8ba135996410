'use client';

import dynamic from 'next/dynamic';
import { CartContents } from './cart-contents';
import { ContinueOnDevice } from './continue-on-device';

// Stripe's code is fetched only when Stripe is configured.
const ExpressCheckoutButton = dynamic(() => import('@/components/checkout/express-checkout-button').then((m) => m.ExpressCheckoutButton), { ssr: false });

export function CartPageView({ stripeKey = null }: { stripeKey?: string | null }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <CartContents />
      <aside className="flex flex-col gap-4">
        {stripeKey && <ExpressCheckoutButton publishableKey={stripeKey} />}
        <ContinueOnDevice />
      </aside>
    </div>
  );
}
