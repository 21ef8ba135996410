import Link from 'next/link';
import type { OrderListItem } from '@/lib/orders/history';
import { formatMoney, pluralize } from '@/lib/utils';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export function OrderHistoryList({ orders }: { orders: OrderListItem[] }) {
  return (
    <ul className="flex flex-col divide-y divide-border border-y border-border" data-testid="order-history">
      {orders.map((order) => (
        <li key={order.id}>
          <Link
            href={`/account/orders/${order.id}`}
            className="flex min-h-11 flex-wrap items-center justify-between gap-x-4 gap-y-1 py-4 hover:bg-surface-alt/60"
          >
            <span className="flex flex-col">
              <span className="font-semibold">{order.number}</span>
              <span className="text-sm text-muted">
                {dateFormat.format(order.placedAt)} · {pluralize(order.itemCount, 'item')} ·{' '}
                {order.inStore ? `In store, ${order.storeName}` : order.storeName ? `Pickup at ${order.storeName}` : 'Delivery'}
              </span>
            </span>
            <span className="flex flex-col items-end">
              <span className="font-semibold tabular-nums">{formatMoney(order.totalMinor, order.currency)}</span>
              <span className="text-sm text-muted">{order.statusLabel}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
