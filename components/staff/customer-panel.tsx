'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiGet } from '@/lib/api/client';
import type { CustomerView } from '@/lib/pickup/schemas';
import { formatMoney } from '@/lib/utils';
import { CustomerMessaging } from './customer-messaging';
import { LoyaltyCounter } from './loyalty-counter';

const CHANNELS: Record<string, string> = {
  WEB_MOBILE: 'Phone web',
  WEB_DESKTOP: 'Desktop web',
  IN_STORE: 'In store',
  IMPORT: 'Earlier purchase',
};
const STATUSES: Record<string, string> = {
  PENDING: 'Awaiting payment',
  PAID: 'Paid',
  CONFIRMED: 'Pay at pickup',
  READY_FOR_PICKUP: 'Ready for pickup',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

// The shopper behind an order, opened on request (each look-up is audited on the server).
export function CustomerPanel({ orderId }: { orderId: string }) {
  const [customer, setCustomer] = useState<CustomerView | null>(null);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);

  async function toggle() {
    if (open) return setOpen(false);
    setOpen(true);
    if (customer) return;
    const res = await apiGet<{ customer: CustomerView }>(`/api/v1/staff/orders/${orderId}/customer`, { cache: 'no-store' });
    if (res.ok) setCustomer(res.data.customer);
    else setError(res.message);
  }

  return (
    <div className="flex flex-col gap-2">
      <Button variant="ghost" className="self-start px-0 underline" aria-expanded={open} onClick={() => void toggle()}>
        Shopper details
      </Button>
      {open && error && <FormMessage state={{ ok: false, message: error }} />}
      {open && customer && (
        <div className="flex flex-col gap-2 rounded bg-surface-alt p-3 text-sm" data-testid="customer-panel">
          <p>
            <strong>{customer.contact.name ?? 'Guest'}</strong> · {customer.contact.email}
            {customer.contact.phone ? ` · ${customer.contact.phone}` : ''}
          </p>
          <p>
            {customer.contact.account ? 'Account holder' : 'Guest checkout'} · {customer.orderCount}{' '}
            {customer.orderCount === 1 ? 'order' : 'orders'} · {formatMoney(customer.spentMinor, customer.orders[0]?.currency ?? 'GBP')}{' '}
            spent
          </p>
          {customer.openPickups.length > 1 && <p className="font-semibold">{customer.openPickups.length} open pickups</p>}
          {customer.loyalty && (
            <>
              <p data-testid="customer-points">
                Rewards: {customer.loyalty.tier} · {customer.loyalty.balance.toLocaleString('en-GB')} points
                {customer.loyalty.pending ? ` (+${customer.loyalty.pending.toLocaleString('en-GB')} pending)` : ''}
              </p>
              {customer.loyalty.redeemOrderId ? (
                // Points off what is due are spent with the handover, in the same step as the payment.
                <p>Points can come off what is due: “Use Rewards points” when handing over.</p>
              ) : (
                <LoyaltyCounter
                  memberId={customer.loyalty.memberId}
                  storeId={customer.loyalty.storeId}
                  orderId={null}
                  balance={customer.loyalty.balance}
                />
              )}
            </>
          )}
          <ul className="flex flex-col gap-1">
            {customer.orders.map((o) => (
              <li key={o.id}>
                {o.number} · {day.format(new Date(o.placedAt))} · {CHANNELS[o.channel] ?? o.channel}
                {o.store ? ` · ${o.store}` : ''} · {STATUSES[o.status] ?? o.status} · {formatMoney(o.totalMinor, o.currency)}
              </li>
            ))}
          </ul>
          <CustomerMessaging messaging={customer.messaging} />
        </div>
      )}
    </div>
  );
}
