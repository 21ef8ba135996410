'use client';

import { useId } from 'react';
import { buttonClassName } from '@/components/ui/button';
import type { StoreView } from '@/lib/stores/view';
import { cn } from '@/lib/utils';

const levelColour = { in_stock: 'text-success', low_stock: 'text-ink', out_of_stock: 'text-danger' } as const;

// One store in the picker: where it is, whether it is open, when an order would be ready, what it has.
export function StoreOption({
  store,
  selected,
  pending,
  showStock,
  onChoose,
}: {
  store: StoreView;
  selected: boolean;
  pending: boolean;
  showStock: boolean;
  onChoose: () => void;
}) {
  const detailsId = useId();
  const address = [store.address.line1, store.address.line2, store.address.postcode].filter(Boolean).join(', ');
  const single = store.stock?.lines.length === 1 ? store.stock.lines[0] : undefined;
  return (
    <li className="py-4" data-store-id={store.id}>
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold">{store.name}</h3>
        {store.distance && <p className="shrink-0 text-sm font-medium tabular-nums">{store.distance.label}</p>}
      </div>
      <div id={detailsId} className="mt-1 space-y-0.5 text-sm">
        <p className="text-muted">{address}</p>
        <p>
          <span className={store.hours.openNow ? 'font-medium text-success' : 'text-muted'}>{store.hours.status}</span>
          <span className="text-muted"> · Today {store.hours.today === 'Closed today' ? 'closed' : store.hours.today}</span>
        </p>
        <p className={store.pickup.enabled ? '' : 'font-medium text-danger'}>{store.pickup.label}</p>
        {showStock && store.stock && (
          <p
            className={cn(
              'font-medium',
              single ? levelColour[single.level] : store.stock.summary.allAvailable ? 'text-success' : 'text-ink',
            )}
          >
            {single ? single.label : store.stock.summary.label}
          </p>
        )}
      </div>
      <button
        type="button"
        onClick={onChoose}
        disabled={!store.pickup.enabled || pending}
        aria-describedby={detailsId}
        aria-pressed={store.pickup.enabled ? selected : undefined}
        className={cn(buttonClassName(selected ? 'primary' : 'secondary', 'mt-3 w-full'))}
      >
        {!store.pickup.enabled
          ? 'Pickup unavailable'
          : pending
            ? 'Saving…'
            : selected
              ? `${store.name} is your store`
              : `Choose ${store.name}`}
      </button>
    </li>
  );
}
