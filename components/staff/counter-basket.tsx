'use client';

import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/utils';
import type { CounterLine, SaleQuote } from './counter-types';

// The sale as the server priced it: each line with its quantity (steppers of 44 px for a thumb), what the store has
// on its shelf, and the totals. Until the server answers, the lines show without prices.
export function CounterBasket({
  lines,
  quote,
  loading,
  error,
  onQuantity,
}: {
  lines: CounterLine[];
  quote: SaleQuote | null;
  loading: boolean;
  error: string | null;
  onQuantity: (variantId: string, quantity: number) => void;
}) {
  if (!lines.length) return <p className="rounded border border-dashed border-border p-4 text-muted">No items yet: find one above.</p>;
  const priced = new Map(quote?.lines.map((l) => [l.variantId, l]));
  return (
    <section aria-labelledby="counter-sale-heading" className="flex flex-col gap-2 rounded border border-border p-4" aria-busy={loading}>
      <h2 id="counter-sale-heading" className="text-lg font-semibold">
        This sale
      </h2>
      <ul className="flex flex-col divide-y divide-border" data-testid="counter-lines">
        {lines.map((line) => {
          const p = priced.get(line.variantId);
          const short = p && p.quantity > p.onShelf;
          return (
            <li key={line.variantId} className="flex flex-col gap-1 py-2">
              <div className="flex justify-between gap-3">
                <span className="font-medium">{line.name}</span>
                <span>{p ? formatMoney(p.lineTotalMinor, quote!.currency) : '…'}</span>
              </div>
              <div className="flex items-center gap-2">
                <Button
                  variant="secondary"
                  className="px-3"
                  aria-label={line.quantity === 1 ? `Remove ${line.name}` : `One fewer ${line.name}`}
                  onClick={() => onQuantity(line.variantId, line.quantity - 1)}
                >
                  {line.quantity === 1 ? 'Remove' : '−'}
                </Button>
                <span aria-live="polite" className="min-w-8 text-center">
                  <span className="sr-only">Quantity </span>
                  {line.quantity}
                </span>
                <Button
                  variant="secondary"
                  className="px-3"
                  aria-label={`One more ${line.name}`}
                  disabled={line.quantity >= 99}
                  onClick={() => onQuantity(line.variantId, line.quantity + 1)}
                >
                  +
                </Button>
                <span className="text-sm text-muted">
                  {line.sku}
                  {p ? ` · ${formatMoney(p.unitPriceMinor, quote!.currency)} each` : ''}
                </span>
              </div>
              {short && (
                <p className="text-sm text-danger" role="alert">
                  Only {p.onShelf} on this store’s shelf.
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {quote && (
        <dl className="grid grid-cols-[1fr_auto] gap-y-1 border-t border-border pt-2" data-testid="counter-totals">
          <dt>Items</dt>
          <dd>{formatMoney(quote.subtotalMinor, quote.currency)}</dd>
          {quote.pointsDiscountMinor > 0 && (
            <>
              <dt>Points ({quote.pointsRedeemed.toLocaleString('en-GB')})</dt>
              <dd>−{formatMoney(quote.pointsDiscountMinor, quote.currency)}</dd>
            </>
          )}
          <dt className="font-semibold">Total</dt>
          <dd className="font-semibold" data-testid="counter-total">
            {formatMoney(quote.totalMinor, quote.currency)}
          </dd>
          <dt className="text-sm text-muted">VAT included</dt>
          <dd className="text-sm text-muted">{formatMoney(quote.taxMinor, quote.currency)}</dd>
        </dl>
      )}
    </section>
  );
}
