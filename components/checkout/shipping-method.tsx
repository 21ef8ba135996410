import type { Quote } from '@/lib/checkout/quote';
import { formatMoney } from '@/lib/utils';

export function deliveryPrice(minor: number, currency: string): string {
  return minor === 0 ? 'Free' : formatMoney(minor, currency);
}

// The one delivery service, with its price from the server's quote and the order value that makes it free.
export function ShippingMethod({ quote }: { quote: Quote | null }) {
  const totals = quote?.totals ?? null;
  return (
    <fieldset>
      <legend className="font-medium">Shipping method</legend>
      <label className="mt-2 flex min-h-11 items-center gap-3 rounded border border-brand px-3">
        <input type="radio" name="shipping" checked readOnly className="size-5 accent-brand" />
        <span className="flex-1">Standard delivery, 2–4 working days</span>
        <span className="tabular-nums">{totals ? deliveryPrice(totals.shippingMinor, totals.currency) : ''}</span>
      </label>
      {quote && (
        <p className="mt-1 text-sm text-muted">
          Free on orders of {formatMoney(quote.freeDeliveryFromMinor, totals?.currency ?? 'GBP', { compact: true })} or more.
        </p>
      )}
    </fieldset>
  );
}
