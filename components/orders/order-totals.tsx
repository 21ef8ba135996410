import type { OrderDetail, TotalsRow } from '@/lib/orders/detail';
import { cn, formatMoney } from '@/lib/utils';

function amount(row: TotalsRow, currency: string): string {
  const money = formatMoney(row.amountMinor, currency);
  if (row.kind === 'subtract') return `−${money}`;
  if (row.kind === 'add' && row.amountMinor === 0 && row.label !== 'Subtotal') return 'Free';
  return money;
}

// The order's lines and its totals as charged (stored on the order, not recomputed from today's prices).
export function OrderTotals({ order, rows }: { order: Pick<OrderDetail, 'lines' | 'currency'>; rows: TotalsRow[] }) {
  return (
    <section aria-labelledby="items-heading" className="flex flex-col gap-3">
      <h2 id="items-heading" className="text-lg font-semibold">
        Items
      </h2>
      <ul className="flex flex-col divide-y divide-border border-y border-border">
        {order.lines.map((line, i) => (
          <li key={`${line.sku}-${i}`} className="flex items-start justify-between gap-4 py-3">
            <div>
              <p className="font-medium">{line.name}</p>
              <p className="text-sm text-muted">
                {line.quantity} × {formatMoney(line.unitPriceMinor, order.currency)} · SKU {line.sku}
              </p>
            </div>
            <p className="font-medium tabular-nums">{formatMoney(line.lineTotalMinor, order.currency)}</p>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {rows.map((row) => (
          <div
            key={row.label}
            className={cn('contents', row.kind === 'total' && 'text-lg font-semibold', row.kind === 'included' && 'text-sm text-muted')}
          >
            <dt className={cn(row.kind === 'total' && 'border-t border-border pt-2')}>{row.label}</dt>
            <dd className={cn('text-right tabular-nums', row.kind === 'total' && 'border-t border-border pt-2')}>
              {amount(row, order.currency)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
