'use client';

import { useCartState, useCartStoreApi, useOptimisticCart } from './cart-provider';
import { CartDrawer } from './cart-drawer';
import { CartNotice } from './cart-notice';
import { useCartSync } from './use-cart-sync';

// The header's bag: a fixed-size button (the count badge is overlaid, so loading it moves nothing),
// the drawer it opens, bag messages, and the live connection that keeps every device in step.
export function HeaderCartButton() {
  useCartSync();
  const store = useCartStoreApi();
  const { cart } = useOptimisticCart();
  const open = useCartState((s) => s.drawerOpen);
  const count = cart?.itemCount ?? 0;
  return (
    <>
      <button
        type="button"
        onClick={() => store.setState({ drawerOpen: true })}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={cart ? `Bag, ${count} ${count === 1 ? 'item' : 'items'}` : 'Bag'}
        data-testid="header-cart-button"
        className="relative inline-flex size-11 items-center justify-center rounded"
      >
        <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 7h12l-1 13H7L6 7Z" />
          <path d="M9 7a3 3 0 0 1 6 0" />
        </svg>
        <span
          aria-hidden="true"
          data-testid="header-cart-count"
          className={`absolute top-0.5 right-0.5 min-w-5 rounded-full bg-brand px-1 text-center text-xs leading-5 font-semibold text-on-brand tabular-nums ${count > 0 ? '' : 'invisible'}`}
        >
          {count > 99 ? '99+' : count}
        </span>
      </button>
      <CartDrawer />
      <CartNotice />
    </>
  );
}
