'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { DemoOutcome } from '@/lib/payments/provider';
import { formatMoney } from '@/lib/utils';
import { sendDemoOutcome, type PlacedOrder } from './checkout-client';
import { DemoPaymentSheet } from './demo-payment-sheet';
import { HoldCountdown } from './hold-countdown';

type Phase = { kind: 'paying'; message: string | null } | { kind: 'declined' } | { kind: 'expired' };

// After the order is placed with demo payments: the hold's countdown and the test sheet. Success goes to the
// confirmation page; a decline or a hold that ran out says the items went back and offers to try again.
export function PaymentStep({ placed, onRetry }: { placed: PlacedOrder; onRetry: () => void }) {
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'paying', message: null });
  const [busy, setBusy] = useState(false);
  const { order } = placed;

  useEffect(() => heading.current?.focus(), [phase.kind]);

  async function choose(outcome: DemoOutcome) {
    setBusy(true);
    const result = await sendDemoOutcome(order.id, outcome);
    if (!result.ok) {
      setBusy(false);
      if (result.code === 'hold_expired') return setPhase({ kind: 'expired' });
      return setPhase({ kind: 'paying', message: result.message });
    }
    if (result.data.status === 'PAID') return router.push(placed.confirmationUrl);
    setBusy(false);
    if (result.data.status === 'CANCELLED') setPhase({ kind: 'declined' });
  }

  if (phase.kind !== 'paying') {
    const declined = phase.kind === 'declined';
    return (
      <section
        aria-labelledby="payment-result"
        className="mx-auto flex max-w-lg flex-col gap-4"
        data-testid={declined ? 'payment-declined' : 'hold-expired'}
      >
        <h2 id="payment-result" ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
          {declined ? 'Your payment was declined' : 'Your hold has ended'}
        </h2>
        <p>
          {declined
            ? 'Nothing was charged. We released the items we were holding for you, so they are back on the shelf.'
            : 'The time to pay ran out. The items went back on the shelf and nothing was charged.'}
        </p>
        <Button onClick={onRetry}>{declined ? 'Try again' : 'Start again'}</Button>
      </section>
    );
  }

  return (
    <section aria-labelledby="payment-title" className="mx-auto flex max-w-lg flex-col gap-4">
      <h2 id="payment-title" ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        Pay for order {order.number}
      </h2>
      {order.holdExpiresAt && <HoldCountdown expiresAt={order.holdExpiresAt} onExpired={() => setPhase({ kind: 'expired' })} />}
      <p>
        Total <span className="font-semibold tabular-nums">{formatMoney(order.totalMinor, order.currency)}</span>
        {order.fulfilment === 'PICKUP' ? ', pickup in store.' : ', including delivery.'}
      </p>
      <DemoPaymentSheet totalLabel={formatMoney(order.totalMinor, order.currency)} busy={busy} onOutcome={(o) => void choose(o)} />
      <p role="alert" className="min-h-6 text-sm font-medium text-danger">
        {phase.message}
      </p>
    </section>
  );
}
