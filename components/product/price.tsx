import { formatMoney } from '@/lib/utils';

export type PriceLabels = { price: string; wasPrice: string | null };

// "£36" and, when there is a higher former price, "£45". Done on the server for client components, so a phone shows
// prices without starting Intl's number formatter while the page hydrates.
export function priceLabels(amountMinor: number, compareAtMinor: number | null | undefined, currency: string): PriceLabels {
  const onSale = compareAtMinor != null && compareAtMinor > amountMinor;
  return { price: formatMoney(amountMinor, currency), wasPrice: onSale ? formatMoney(compareAtMinor, currency) : null };
}

// A price in minor units; with a former price it shows as a sale: "£36 £45" with the old one struck through.
export function Price({
  amountMinor,
  compareAtMinor,
  currency,
  from = false,
}: {
  amountMinor: number;
  compareAtMinor?: number | null;
  currency: string;
  from?: boolean;
}) {
  return <PriceText {...priceLabels(amountMinor, compareAtMinor, currency)} from={from} />;
}

export function PriceText({ price, wasPrice, from = false }: PriceLabels & { from?: boolean }) {
  return (
    <p className="price">
      <b className={wasPrice ? 'text-danger' : undefined}>
        {from && 'From '}
        {wasPrice && <span className="sr-only">Sale price </span>}
        {price}
      </b>
      {wasPrice && (
        <s className="text-sm text-muted">
          <span className="sr-only">Was </span>
          {wasPrice}
        </s>
      )}
    </p>
  );
}
