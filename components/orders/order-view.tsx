import { totalsRows } from '@/lib/orders/detail';
import type { OrderPageData } from '@/lib/orders/page-data';
import { cn } from '@/lib/utils';
import { CancelOrderButton } from './cancel-order-button';
import { FulfilmentDetails } from './fulfilment-details';
import { NewPickupCodeButton } from './new-pickup-code-button';
import { OrderTotals } from './order-totals';
import { PaymentPending } from './payment-pending';
import { PickupCodeCard } from './pickup-code-card';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

// One order as its shopper sees it: the confirmation page and the account's order detail.
export function OrderView({ data, heading }: { data: OrderPageData; heading: string }) {
  const { order, pickup, canRequestNewCode } = data;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{heading}</h1>
        <p className="text-muted">
          Order <strong className="text-ink">{order.number}</strong> · placed {dateFormat.format(order.placedAt)}
        </p>
        <p data-testid="order-status" className={cn('mt-2 self-start rounded-pill px-3 py-1 font-semibold', order.status === 'CANCELLED' ? 'bg-danger/10 text-danger' : 'bg-brand-soft text-ink')}>
          {order.statusLabel}
        </p>
      </header>

      {order.status === 'PENDING' && <PaymentPending orderId={order.id} holdExpiresAt={order.holdExpiresAt?.toISOString() ?? null} />}

      {pickup && <PickupCodeCard code={pickup.code} qrSvg={pickup.qrSvg} />}
      {!pickup && canRequestNewCode && (
        <section aria-labelledby="code-heading" className="flex flex-col gap-2 rounded border border-border p-5">
          <h2 id="code-heading" className="text-lg font-semibold">
            Pickup code
          </h2>
          <p>Your pickup code is in your confirmation e-mail. Lost it? We can send you a new one; the old code then stops working.</p>
          <NewPickupCodeButton orderId={order.id} />
        </section>
      )}

      <FulfilmentDetails fulfilment={order.fulfilmentView} />
      <OrderTotals order={order} rows={totalsRows(order)} />

      {pickup && canRequestNewCode && <NewPickupCodeButton orderId={order.id} />}
      {order.cancellable && (
        <section aria-labelledby="cancel-heading" className="flex flex-col gap-2 border-t border-border pt-6">
          <h2 id="cancel-heading" className="text-lg font-semibold">
            Changed your mind?
          </h2>
          <p className="text-muted">You can cancel until the order is ready for pickup or dispatched.</p>
          <CancelOrderButton orderId={order.id} paid={order.status === 'PAID'} />
        </section>
      )}
    </div>
  );
}
