'use client';

import Link from 'next/link';
import { StorePickerButton } from '@/components/stores/store-picker-button';
import { buttonClassName } from '@/components/ui/button';
import { changeCart } from './cart-client';
import { useCartStoreApi, useOptimisticCart } from './cart-provider';
import { CartLineItem } from './cart-line-item';

// The lines, subtotal and next steps; shared by the drawer and the /cart page.
export function CartContents({ onNavigate, showViewBag = false }: { onNavigate?: () => void; showViewBag?: boolean }) {
  const store = useCartStoreApi();
  const { cart, status } = useOptimisticCart();

  if (!cart) {
    return (
      <p className="py-8 text-center text-muted" role="status">
        {status === 'error' ? 'We could not load your bag. Check your connection and try again.' : 'Loading your bag…'}
      </p>
    );
  }
  if (cart.lines.length === 0 && cart.unknownAddedUnits === 0) {
    return (
      <div className="py-8 text-center" data-testid="cart-empty">
        <p className="text-lg font-semibold">Your bag is empty</p>
        <Link href="/" onClick={onNavigate} className={buttonClassName('secondary', 'mt-4')}>
          Start shopping
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul className="divide-y divide-border" aria-label="Items in your bag">
        {cart.lines.map((line) => (
          <CartLineItem
            key={line.variantId}
            line={line}
            pending={cart.pendingVariantIds.includes(line.variantId)}
            onQuantity={(quantity) => void changeCart(store, { kind: 'set', variantId: line.variantId, quantity })}
            onRemove={() => void changeCart(store, { kind: 'remove', variantId: line.variantId })}
          />
        ))}
        {cart.unknownAddedUnits > 0 && <li className="py-4 text-muted">Adding {cart.unknownAddedUnits} more…</li>}
      </ul>
      <div className="flex items-center justify-between border-t border-border pt-4 text-lg">
        <span>Subtotal</span>
        <span className={cartSubtotalClass(cart.pendingVariantIds.length > 0)} data-testid="cart-subtotal">
          {cart.subtotal.formatted}
        </span>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">Delivery or free pickup in store is chosen at checkout.</p>
        {/* Each store's stock for the whole bag ("All 3 items available", "2 of 3 available"). */}
        <StorePickerButton
          variant="ghost"
          className="text-sm"
          lines={cart.lines.filter((l) => l.status !== 'unavailable').map((l) => ({ variantId: l.variantId, quantity: l.quantity }))}
        >
          Check stock at a store
        </StorePickerButton>
      </div>
      {cart.hasUnavailable && (
        <p className="text-sm font-medium text-danger" role="alert">
          Some items have changed since you added them. Check the messages above.
        </p>
      )}
      <div className="flex flex-col gap-2">
        <Link href="/checkout" onClick={onNavigate} className={buttonClassName('primary', 'w-full')}>
          Checkout
        </Link>
        {showViewBag && (
          <Link href="/cart" onClick={onNavigate} className={buttonClassName('secondary', 'w-full')}>
            View bag
          </Link>
        )}
      </div>
    </div>
  );
}

function cartSubtotalClass(pending: boolean) {
  return pending ? 'font-semibold tabular-nums opacity-60' : 'font-semibold tabular-nums';
}
