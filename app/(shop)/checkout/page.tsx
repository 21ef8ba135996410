import type { Metadata } from 'next';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { getSessionUser } from '@/lib/auth/session';
import { getAccountOverview } from '@/lib/auth/users';
import { peekCartForPage } from '@/lib/cart/request';
import { quoteCheckout } from '@/lib/checkout/quote';
import { env } from '@/lib/env';
import { onlinePaymentKind } from '@/lib/payments/providers';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

// The page is rendered with the bag as it stands, so the shopper sees the form (or the empty bag) at first paint;
// the browser's cart store takes over once it has fetched the bag, and the server reads it again to place the order.
export default async function CheckoutPage() {
  const user = await getSessionUser();
  const [account, initialCart] = await Promise.all([user ? getAccountOverview(user) : null, peekCartForPage()]);
  const saved = account?.addresses.find((a) => a.isDefault) ?? account?.addresses[0] ?? null;
  const online = onlinePaymentKind();
  // The totals shown at first paint, for the bag as rendered; the page asks the server again as the shopper chooses.
  const lines = (initialCart?.lines ?? [])
    .filter((l) => l.status !== 'unavailable')
    .map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
  const quoteRequest = { lines, fulfilment: 'PICKUP' as const, discountCode: null, email: null };
  const initialQuote = lines.length
    ? { request: quoteRequest, quote: await quoteCheckout({ ...quoteRequest, country: 'GB' }, user?.id ?? null) }
    : null;
  const address = saved
    ? {
        name: saved.name,
        line1: saved.line1,
        line2: saved.line2 ?? '',
        city: saved.city,
        postcode: saved.postcode,
        phone: account?.phone ?? '',
      }
    : null;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Checkout</h1>
      <CheckoutForm
        initialCart={initialCart}
        signedIn={Boolean(user)}
        defaults={{ email: account?.email ?? user?.email ?? '', address }}
        online={online === 'PAY_AT_PICKUP' ? null : online}
        stripeKey={online === 'STRIPE' ? (env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? null) : null}
        initialQuote={initialQuote}
      />
    </div>
  );
}
