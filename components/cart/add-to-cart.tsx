'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { changeCart, showMessage } from './cart-client';
import { useCartStoreApi } from './cart-provider';
import { QuantityStepper } from './quantity-stepper';

// The product page's "Add to cart" for the chosen variant and quantity. The count in the header
// goes up at once; if the server refuses (sold out meanwhile, too many), it goes back with a message.
export function AddToCart({ variantId, available }: { variantId: string | null; available: boolean }) {
  const store = useCartStoreApi();
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);

  async function add() {
    if (!variantId) return;
    setBusy(true);
    const ok = await changeCart(store, { kind: 'add', variantId, quantity });
    setBusy(false);
    if (ok) {
      // The server's cart has just been accepted, so its count is the bag's new count.
      const count = store.getState().server?.itemCount ?? quantity;
      showMessage(store, `Added ${quantity === 1 ? 'to' : `${quantity} to`} your bag.`, 'info', { count });
      setQuantity(1);
    }
  }

  return (
    <div className="flex gap-2">
      <QuantityStepper value={quantity} max={10} label="Quantity" onChange={setQuantity} disabled={!variantId || !available} />
      <Button
        className="h-12 flex-1"
        disabled={!variantId || !available}
        aria-busy={busy}
        onClick={() => void add()}
        data-testid="add-to-cart"
      >
        {available || !variantId ? 'Add to cart' : 'Out of stock'}
      </Button>
    </div>
  );
}
