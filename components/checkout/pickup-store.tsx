'use client';

import { StorePickerButton } from '@/components/stores/store-picker-button';
import type { PickerLine } from '@/components/stores/store-picker';
import type { StoreView } from '@/lib/stores/view';

// The pickup store (the shopper's store unless they choose another) with when the order would be ready.
export function PickupStore({
  store,
  lines,
  onChosen,
  error,
}: {
  store: StoreView | null;
  lines: readonly PickerLine[];
  onChosen: (s: StoreView) => void;
  error?: string;
}) {
  const picker = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
  return (
    <div
      className="flex min-h-28 flex-col gap-2 rounded border border-border p-3"
      id="pickup-store"
      tabIndex={-1}
      aria-describedby={error ? 'pickup-store-error' : undefined}
    >
      {store ? (
        <div data-testid="pickup-store">
          <p className="font-semibold">{store.name}</p>
          <p className="text-sm text-muted">{[store.address.line1, store.address.postcode].join(', ')}</p>
          <p className="text-sm font-medium text-success">{store.pickup.label}</p>
        </div>
      ) : (
        <p className="text-sm">Choose the store where you will collect your order.</p>
      )}
      <StorePickerButton lines={picker} onChosen={onChosen} className="w-full">
        {store ? 'Change store' : 'Choose a store'}
      </StorePickerButton>
      {error && (
        <p id="pickup-store-error" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
