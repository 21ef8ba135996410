'use client';

import { useEffect } from 'react';
import { cn } from '@/lib/utils';
import { useCartState, useCartStoreApi } from './cart-provider';

// Messages about the bag (merged on sign-in, a refused change) in a polite live region.
export function CartNotice() {
  const store = useCartStoreApi();
  const message = useCartState((s) => s.message);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => {
      if (store.getState().message?.id === message.id) store.setState({ message: null });
    }, 8000);
    return () => clearTimeout(timer);
  }, [message, store]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {message && (
        <p
          data-testid="cart-notice"
          className={cn(
            'pointer-events-auto flex max-w-md items-center gap-3 rounded px-4 py-3 text-sm font-medium shadow-lg',
            message.tone === 'error' ? 'bg-danger text-on-brand' : 'bg-ink text-on-brand',
          )}
        >
          {message.text}
          <button type="button" className="min-h-11 min-w-11 underline" onClick={() => store.setState({ message: null })}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
