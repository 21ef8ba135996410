'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { cn } from '@/lib/utils';
import { useCartState, useCartStoreApi } from './cart-provider';

// Messages about the bag (added, merged on sign-in, a refused change) in a polite live region along the bottom
// of the screen, clear of the header and its bag button. After Add to bag it gives the bag's new count and the
// ways on: the bag and checkout (not prefetched: most shoppers carry on browsing).
export function CartNotice() {
  const store = useCartStoreApi();
  const message = useCartState((s) => s.message);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(
      () => {
        if (store.getState().message?.id === message.id) store.setState({ message: null });
      },
      message.added ? 12_000 : 8000,
    );
    return () => clearTimeout(timer);
  }, [message, store]);

  const dismiss = () => store.setState({ message: null });
  const count = message?.added?.count;
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {message && (
        <div
          data-testid="cart-notice"
          className={cn(
            'pointer-events-auto flex w-full max-w-md flex-wrap items-center gap-x-3 gap-y-2 rounded px-4 py-3 text-sm font-medium shadow-lg',
            message.tone === 'error' ? 'bg-danger text-on-brand' : 'bg-ink text-on-brand',
          )}
        >
          <p className="min-w-0 flex-1">
            {message.text}
            {count !== undefined && ` Your bag has ${count} ${count === 1 ? 'item' : 'items'}.`}
          </p>
          {count !== undefined ? (
            <div className="flex w-full items-center gap-2">
              <Link
                href="/cart"
                prefetch={false}
                onClick={dismiss}
                className="inline-flex min-h-11 flex-1 items-center justify-center rounded border border-on-brand/60 px-3"
              >
                View bag
              </Link>
              <Link
                href="/checkout"
                prefetch={false}
                onClick={dismiss}
                className="inline-flex min-h-11 flex-1 items-center justify-center rounded bg-on-brand px-3 text-ink"
              >
                Checkout
              </Link>
              <button type="button" className="min-h-11 min-w-11 text-lg" aria-label="Dismiss" onClick={dismiss}>
                ×
              </button>
            </div>
          ) : (
            <button type="button" className="min-h-11 min-w-11 underline" onClick={dismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  );
}
