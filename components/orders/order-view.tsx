import { totalsRows } from '@/lib/orders/detail';
import type { OrderPageData } from '@/lib/orders/page-data';
import { cn } from '@/lib/utils';
import { CancelOrderButton } from './cancel-order-button';
import { FulfilmentDetails } from './fulfilment-details';
import { NewPickupCodeButton } from './new-pickup-code-button';
import { OrderTotals } from './order-totals';
import { PaymentPending } from './payment-pending';
import { PickupCodeCard } from './pickup-code-card';
import { PickupProgress } from './pickup-progress';
import { SubstitutionPrompt } from './substitution-prompt';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

// One order as its shopper sees it: the confirmation page and the account's order detail.
export function OrderView({ data, heading }: { data: OrderPageData; heading: string }) {
  const { order, pickup, canRequestNewCode, cancel } = data;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{heading}</h1>
        <p className="text-muted">
          Order <strong className="text-ink">{order.number}</strong> · placed {dateFormat.format(order.placedAt)}
        </p>
        <p
          data-testid="order-status"
          className={cn(
            'mt-2 self-start rounded-pill px-3 py-1 font-semibold',
            order.status === 'CANCELLED' ? 'bg-danger/10 text-danger' : 'bg-brand-soft text-ink',
          )}
        >
          {order.statusLabel}
        </p>
      </header>

      {order.status === 'PENDING' && <PaymentPending orderId={order.id} holdExpiresAt={order.holdExpiresAt?.toISOString() ?? null} />}

      {order.fulfilment === 'PICKUP' && <SubstitutionPrompt orderId={order.id} currency={order.currency} />}

      {order.fulfilment === 'PICKUP' && <PickupProgress orderId={order.id} orderStatus={order.status} />}

      {(pickup || canRequestNewCode) && (
        <div className="flex flex-col gap-3">
          {pickup ? (
            <PickupCodeCard code={pickup.code} qrSvg={pickup.qrSvg} />
          ) : (
            <section aria-labelledby="code-heading" className="flex flex-col gap-2">
              <h2 id="code-heading" className="text-lg font-semibold">
                Pickup code
              </h2>
              <p>Your pickup code is in your confirmation e-mail. Lost it? We can send you a new one; the old code then stops working.</p>
            </section>
          )}
          {canRequestNewCode && <NewPickupCodeButton orderId={order.id} />}
        </div>
      )}

      {order.status === 'CANCELLED' && (
        <p data-testid="cancelled-note" className="rounded bg-surface-alt p-4">
          {order.cancelledAt ? `Cancelled on ${dateFormat.format(order.cancelledAt)}. ` : ''}
          {order.paidAt
            ? 'Your payment is refunded in full to the way you paid; it usually shows within 5–10 working days.'
            : order.paymentProvider === 'STRIPE'
              ? 'If your payment went through, it is refunded in full automatically.'
              : 'Nothing was charged.'}
        </p>
      )}

      <FulfilmentDetails fulfilment={order.fulfilmentView} />
      <OrderTotals order={order} rows={totalsRows(order)} />

      {cancel && (
        <section aria-labelledby="cancel-heading" className="flex flex-col gap-2 border-t border-border pt-6">
          <h2 id="cancel-heading" className="text-lg font-semibold">
            Changed your mind?
          </h2>
          <p className="text-muted">You can cancel until the order is ready for pickup or dispatched.</p>
          <CancelOrderButton orderId={order.id} paid={order.status === 'PAID'} needsCode={cancel === 'code'} />
        </section>
      )}
    </div>
  );
}
