import type { CartLineView } from '@/lib/cart/types';
import { formatMoney } from '@/lib/utils';

export type ReviewTotals = {
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  pointsDiscountMinor?: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
};

// What the shopper is about to buy and what it costs. Before the order is placed the figures are the server's
// quote (POST /api/v1/checkout/quote); the order itself is priced again when it is placed.
export function OrderReview({
  lines,
  totals,
  fulfilment,
}: {
  lines: readonly CartLineView[];
  totals: ReviewTotals | null;
  fulfilment: 'DELIVERY' | 'PICKUP';
}) {
  const money = (minor: number) => formatMoney(minor, totals?.currency ?? 'GBP');
  return (
    <div className="flex flex-col gap-3">
      <ul className="divide-y divide-border" aria-label="Items in your order">
        {lines.map((line) => (
          <li key={line.variantId} className="flex justify-between gap-3 py-2 text-sm">
            <span>
              <span className="font-medium">{line.productName}</span>
              {line.variantLabel && <span className="block text-muted">{line.variantLabel}</span>}
              <span className="block text-muted">Qty {line.quantity}</span>
            </span>
            <span className="tabular-nums">{line.lineTotal.formatted}</span>
          </li>
        ))}
      </ul>
      {totals && (
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-border pt-3 text-sm">
          <dt>Subtotal</dt>
          <dd className="text-right tabular-nums">{money(totals.subtotalMinor)}</dd>
          {totals.discountMinor > 0 && (
            <>
              <dt>Discount</dt>
              <dd className="text-right tabular-nums">−{money(totals.discountMinor)}</dd>
            </>
          )}
          {(totals.pointsDiscountMinor ?? 0) > 0 && (
            <>
              <dt>Points</dt>
              <dd className="text-right tabular-nums" data-testid="points-discount">
                −{money(totals.pointsDiscountMinor ?? 0)}
              </dd>
            </>
          )}
          <dt>{fulfilment === 'PICKUP' ? 'Pickup' : 'Delivery'}</dt>
          <dd className="text-right tabular-nums">{totals.shippingMinor === 0 ? 'Free' : money(totals.shippingMinor)}</dd>
          <dt className="pt-2 text-base font-semibold">Total</dt>
          <dd className="pt-2 text-right text-base font-semibold tabular-nums" data-testid="checkout-total">
            {money(totals.totalMinor)}
          </dd>
          <dt className="text-muted">Includes VAT</dt>
          <dd className="text-right text-muted tabular-nums">{money(totals.taxMinor)}</dd>
        </dl>
      )}
    </div>
  );
}
