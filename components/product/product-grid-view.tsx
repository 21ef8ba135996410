'use client';

import { useEffect, useState } from 'react';
import { useMyStore } from '@/components/stores/my-store-state';
import { apiGet } from '@/lib/api/client';
import { ProductCard, type GridCard } from './product-card';

type Shelf = { key: string; slugs: Set<string> };

// Two columns on phones, up to four on wide screens. The first row's images load first. A client component only so
// cached pages carry the cards as data: rendered on the server, a category page grew by about 10 KB and was served
// at half the requests per second. With a store chosen, the cards it has in stock say "Pick up today at …": the
// page is the same for everyone, so that comes from one small request per page for the shopper's store.
export function ProductGridView({ cards, eager = 0 }: { cards: GridCard[]; eager?: number }) {
  const { store } = useMyStore();
  const [shelf, setShelf] = useState<Shelf | null>(null);
  const slugs = cards.filter((c) => c.inStock).map((c) => c.slug);
  const key = store?.pickup.enabled && slugs.length ? `${store.id}:${slugs.join(',')}` : null;

  useEffect(() => {
    if (!key || !store) return;
    const controller = new AbortController();
    const url = `/api/v1/stores/${encodeURIComponent(store.id)}/products?slugs=${encodeURIComponent(key.slice(store.id.length + 1))}`;
    void apiGet<{ inStock: string[] }>(url, { signal: controller.signal }).then((result) => {
      if (result.ok) setShelf({ key, slugs: new Set(result.data.inStock) });
      else if (result.code !== 'aborted') console.error('Could not check stock at your store', result.message);
    });
    return () => controller.abort();
  }, [key, store]);

  const day = store?.pickup.readyBy?.daysAhead === 0 ? 'today' : store?.pickup.readyBy?.daysAhead === 1 ? 'tomorrow' : null;
  const pickup = store && shelf?.key === key ? (day ? `Pick up ${day} at ${store.name}` : `In stock at ${store.name}`) : null;
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 lg:grid-cols-4">
      {cards.map((card, i) => (
        <li key={card.slug}>
          <ProductCard product={card} priority={i < eager} pickup={pickup && shelf?.slugs.has(card.slug) ? pickup : null} />
        </li>
      ))}
    </ul>
  );
}
