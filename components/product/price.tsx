import { formatMoney } from '@/lib/utils';

// A price in minor units; with a former price it shows as a sale: "£36 £45" with the old one struck through.
export function Price({ amountMinor, compareAtMinor, currency, from = false }: { amountMinor: number; compareAtMinor?: number | null; currency: string; from?: boolean }) {
  const onSale = compareAtMinor != null && compareAtMinor > amountMinor;
  return (
    <p className="price">
      <b className={onSale ? 'text-danger' : undefined}>
        {from && 'From '}
        {onSale && <span className="sr-only">Sale price </span>}
        {formatMoney(amountMinor, currency)}
      </b>
      {onSale && (
        <s className="text-sm text-muted">
          <span className="sr-only">Was </span>
          {formatMoney(compareAtMinor, currency)}
        </s>
      )}
    </p>
  );
}
