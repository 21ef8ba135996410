'use client';

import { StorePickerButton } from '@/components/stores/store-picker-button';
import type { PickerLine } from '@/components/stores/store-picker';
import { Button } from '@/components/ui/button';
import type { ShortLine } from '@/lib/inventory/errors';
import type { StoreView } from '@/lib/stores/view';

// Stock ran out where the shopper asked for it: which lines, and the two ways on (another store, or delivery).
export function ShortLinesNotice({
  lines,
  fulfilment,
  pickerLines,
  onStore,
  onDeliver,
}: {
  lines: readonly ShortLine[];
  fulfilment: 'PICKUP' | 'DELIVERY';
  pickerLines: readonly PickerLine[];
  onStore: (s: StoreView) => void;
  onDeliver: () => void;
}) {
  const where = fulfilment === 'PICKUP' ? 'at this store' : 'for delivery';
  return (
    <div role="alert" className="flex flex-col gap-3 rounded border-2 border-danger p-3" data-testid="short-lines">
      <p className="font-semibold">Not enough stock {where}:</p>
      <ul className="list-disc pl-5 text-sm">
        {lines.map((l) => (
          <li key={l.variantId}>
            {l.name}: you asked for {l.requested}, {l.available === 0 ? 'none left' : `only ${l.available} left`}
          </li>
        ))}
      </ul>
      <div className="grid gap-2 sm:grid-cols-2">
        <StorePickerButton lines={pickerLines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }))} onChosen={onStore}>
          Try another store
        </StorePickerButton>
        {fulfilment === 'PICKUP' && (
          <Button variant="secondary" onClick={onDeliver}>
            Deliver instead
          </Button>
        )}
      </div>
    </div>
  );
}
