'use client';

import { useEffect, useState } from 'react';
import type { CartView } from '@/lib/cart/types';
import type { StoreView } from '@/lib/stores/view';
import { fetchQuote } from './checkout-client';

// The choices a wallet sheet offers for the bag: standard delivery, and collection at the shopper's store when
// that store has everything in the bag (first, as the shopper picked that store). A wallet lists these as its
// "shipping rates"; a pickup rate carries the store, and the wallet's address is not used for it. Each rate's
// price and the total it makes are the server's quote (POST /api/v1/checkout/quote), as on the checkout page.
export type WalletRate = { id: string; amount: number; totalMinor: number; displayName: string; pickupStoreId: string | null };

type Priced = { shippingMinor: number; totalMinor: number };
type Quotes = { key: string; delivery: Priced | null; pickup: Priced | null };

export function useWalletRates(cart: CartView | null, store: StoreView | null): WalletRate[] {
  const lines = (cart?.lines ?? []).map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
  const pickupStore = store?.pickup.enabled && store.pickup.readyBy ? store : null;
  const key = lines.length ? JSON.stringify({ lines, store: pickupStore?.id ?? null }) : null;
  const [quotes, setQuotes] = useState<Quotes | null>(null);

  useEffect(() => {
    if (!key) return;
    const { lines: wanted, store: storeId } = JSON.parse(key) as { lines: typeof lines; store: string | null };
    let current = true;
    const price = async (fulfilment: 'DELIVERY' | 'PICKUP'): Promise<Priced | null> => {
      const result = await fetchQuote({ lines: wanted, fulfilment, discountCode: null, email: null });
      if (!result.ok) console.error('Could not price the bag for the wallet', result.message);
      return result.ok && result.data.totals ? result.data.totals : null;
    };
    void Promise.all([price('DELIVERY'), storeId ? storeHas(storeId, wanted).then((ok) => (ok ? price('PICKUP') : null)) : null]).then(
      ([delivery, pickup]) => {
        if (current) setQuotes({ key, delivery, pickup });
      },
    );
    return () => {
      current = false;
    };
  }, [key]);

  if (!quotes || quotes.key !== key) return [];
  const rates: WalletRate[] = [];
  if (pickupStore && quotes.pickup) {
    const label = pickupStore.pickup.readyBy!.label;
    const ready = label.charAt(0).toLowerCase() + label.slice(1);
    rates.push({
      id: `pickup-${pickupStore.id}`,
      amount: quotes.pickup.shippingMinor,
      totalMinor: quotes.pickup.totalMinor,
      displayName: `Collect at ${pickupStore.name}, ${ready}`,
      pickupStoreId: pickupStore.id,
    });
  }
  if (quotes.delivery) {
    rates.push({
      id: 'delivery-standard',
      amount: quotes.delivery.shippingMinor,
      totalMinor: quotes.delivery.totalMinor,
      displayName: 'Standard delivery (2–4 working days)',
      pickupStoreId: null,
    });
  }
  return rates;
}

type Availability = { variants: { variantId: string; stores: { available: number }[] }[] };

// Whether the store has every line of the bag in the quantity asked. Without an answer the wallet offers delivery
// only: checkout would refuse a pickup the store cannot fill.
async function storeHas(storeId: string, lines: { variantId: string; quantity: number }[]): Promise<boolean> {
  try {
    const response = await fetch(`/api/v1/availability?variantIds=${lines.map((l) => l.variantId).join(',')}&storeId=${storeId}`, {
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`availability answered ${response.status}`);
    const body = (await response.json()) as Availability;
    return lines.every((l) => (body.variants.find((v) => v.variantId === l.variantId)?.stores[0]?.available ?? 0) >= l.quantity);
  } catch (error) {
    console.error('Could not check the bag at your store', error);
    return false;
  }
}
