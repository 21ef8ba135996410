'use client';

import { useEffect, useState } from 'react';
import { apiGet } from '@/lib/api/client';
import type { StoreView } from '@/lib/stores/view';
import { cn } from '@/lib/utils';
import { useMyStore } from './my-store-state';
import { StorePicker } from './store-picker';

type Stock = { key: string; available: number } | { key: string; error: string };

function headline(store: StoreView, available: number): string {
  const count = available <= 3 ? `only ${available} left` : `${available} in stock`;
  const readyBy = store.pickup.readyBy;
  if (!readyBy) return `${store.name}: ${count}`;
  const day = readyBy.daysAhead === 0 ? 'today' : readyBy.daysAhead === 1 ? 'tomorrow' : readyBy.label.replace(/^Ready (.+) at .*$/, '$1');
  return `Pick up ${day} at ${store.name}: ${count}`;
}

// "Pick up today at Riverside: 4 in stock" for the selected variant at the shopper's store. The product
// page is cached, so this loads after hydration inside a box of fixed height (no layout shift).
export function StoreAvailability({ productId, variantId }: { productId: string; variantId: string | null }) {
  const { status, store } = useMyStore();
  const [open, setOpen] = useState(false);
  const [stock, setStock] = useState<Stock | null>(null);
  const key = store && variantId ? `${store.id}:${variantId}` : null;

  useEffect(() => {
    if (!store || !variantId || !store.pickup.enabled) return;
    const controller = new AbortController();
    const key = `${store.id}:${variantId}`;
    const url = `/api/v1/availability?variantIds=${encodeURIComponent(variantId)}&storeId=${encodeURIComponent(store.id)}`;
    void apiGet<{ variants: { stores: { available: number }[] }[] }>(url, {
      cache: 'no-store',
      signal: controller.signal,
      fallback: 'Stock could not be checked.',
    }).then((result) => {
      if (result.ok) setStock({ key, available: result.data.variants[0]?.stores[0]?.available ?? 0 });
      else if (result.code !== 'aborted')
        setStock({ key, error: result.status === 0 ? 'Stock could not be checked. Please try again.' : result.message });
    });
    return () => controller.abort();
  }, [store, variantId]);

  const current = stock && stock.key === key ? stock : null;
  let title = '';
  let detail = '';
  let tone = '';
  let action = 'Change store';
  if (status === 'ready' || status === 'error') {
    if (!store) {
      title = 'Pick up in store';
      detail = 'Choose a store to see if it has this in stock.';
      action = 'Choose a store';
    } else if (!store.pickup.enabled) {
      title = `Pickup unavailable at ${store.name}`;
      detail = 'Choose another store for click and collect.';
      tone = 'text-danger';
    } else if (!variantId) {
      title = `Pick up at ${store.name}`;
      detail = 'Choose an option to see stock at this store.';
    } else if (current && 'error' in current) {
      title = `Pick up at ${store.name}`;
      detail = current.error;
    } else if (current && current.available > 0) {
      title = headline(store, current.available);
      detail = store.pickup.label;
      tone = 'text-success';
    } else if (current) {
      title = `Out of stock at ${store.name}`;
      detail = 'See which stores nearby have it.';
      tone = 'text-danger';
      action = 'Check other stores';
    }
  }
  const loading = title === '';
  // Disabled only until the shopper's store is known: disabling it while stock reloads after a change of store
  // would drop the keyboard focus it just got back from the picker.
  const settled = status === 'ready' || status === 'error';

  return (
    <section
      aria-labelledby={`pickup-${productId}`}
      aria-busy={loading}
      className="flex min-h-32 flex-col justify-between gap-2 rounded border border-border p-4"
    >
      <div aria-live="polite">
        {/* While loading, the words stay readable (no transparent or fading text, which fails contrast checks). */}
        <h2 id={`pickup-${productId}`} className={cn('font-semibold', tone, loading && 'text-muted')}>
          {loading ? 'Checking stock at your store…' : title}
        </h2>
        <p className={cn('mt-1 text-sm text-muted', loading && 'invisible')}>{detail || 'Loading'}</p>
      </div>
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={!settled}
        onClick={() => setOpen(true)}
        className="-ml-2 inline-flex min-h-11 items-center self-start rounded px-2 text-sm font-semibold underline disabled:invisible"
      >
        {action}
      </button>
      <StorePicker open={open} onClose={() => setOpen(false)} lines={variantId ? [{ variantId, quantity: 1 }] : []} />
    </section>
  );
}
