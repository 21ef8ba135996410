'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef } from 'react';
import { useCartState, useCartStoreApi } from './cart-provider';

// The drawer's contents load when it first opens: the header stays light on every page.
const CartContents = dynamic(() => import('./cart-contents').then((m) => m.CartContents), {
  ssr: false,
  loading: () => (
    <p className="py-8 text-center text-muted" role="status">
      Loading your bag…
    </p>
  ),
});

// A native <dialog>: focus is trapped and restored, Escape closes it, the page behind is inert.
export function CartDrawer() {
  const store = useCartStoreApi();
  const open = useCartState((s) => s.drawerOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const close = () => store.setState({ drawerOpen: false });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="cart-drawer-title"
      onClose={close}
      onClick={(e) => e.target === e.currentTarget && close()}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-full max-w-md overflow-y-auto bg-surface p-0 text-ink shadow-xl backdrop:bg-ink/40"
    >
      <div className="flex min-h-full flex-col px-4 pb-6">
        <div className="sticky top-0 flex items-center justify-between border-b border-border bg-surface py-2">
          <h2 id="cart-drawer-title" className="text-lg font-semibold">
            Your bag
          </h2>
          <button type="button" onClick={close} className="inline-flex size-11 items-center justify-center text-2xl" aria-label="Close bag">
            ×
          </button>
        </div>
        {open && <CartContents onNavigate={close} showViewBag />}
      </div>
    </dialog>
  );
}
