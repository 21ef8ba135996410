import type { Metadata } from 'next';
import { CartPageView } from '@/components/cart/cart-page-view';
import { RecommendationShelves } from '@/components/recommendations/recommendation-shelves';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Your bag', robots: { index: false } };

// The bag is the shopper's own, so it is loaded in the browser (and kept live) like the header's.
export default function CartPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Your bag</h1>
      <CartPageView stripeKey={env.stripeEnabled ? (env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? null) : null} />
      <RecommendationShelves context="cart" slots={[{ title: 'Complete your order' }]} />
    </div>
  );
}
