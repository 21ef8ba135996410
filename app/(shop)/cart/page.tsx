import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { CartPageView } from '@/components/cart/cart-page-view';
import { BagExpressCheckout } from '@/components/checkout/bag-express-checkout';
import { RecommendationShelves } from '@/components/recommendations/recommendation-shelves';
import { stripePublishableKey } from '@/lib/payments/stripe';

export const metadata: Metadata = { title: 'Your bag', robots: { index: false } };

// The bag is the shopper's own, so it is loaded in the browser (and kept live) like the header's.
export default function CartPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Your bag</h1>
      <CartPageView
        wallet={
          <Suspense fallback={null}>
            <WalletButton />
          </Suspense>
        }
      />
      <RecommendationShelves context="cart" slots={[{ title: 'Complete your order' }]} />
    </div>
  );
}

// Stripe's publishable key is read when the page is served, not when it is built, so one build runs with or
// without Stripe.
async function WalletButton() {
  await connection();
  const publishableKey = stripePublishableKey();
  return publishableKey ? <BagExpressCheckout publishableKey={publishableKey} /> : null;
}
