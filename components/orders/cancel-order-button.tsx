'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { Button } from '@/components/ui/button';
import { cancelOrderAction } from './actions';

// Two steps, so a stray tap never cancels an order; the second says what will happen to the money.
export function CancelOrderButton({ orderId, paid }: { orderId: string; paid: boolean }) {
  const [state, formAction, pending] = useActionState(cancelOrderAction, undefined);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      {confirming ? (
        <form action={formAction} className="flex flex-col gap-3 rounded border border-danger/40 p-4">
          <input type="hidden" name="orderId" value={orderId} />
          <p>{paid ? 'Cancel this order? We will refund your payment in full.' : 'Cancel this order? Nothing will be charged and the items go back on the shelf.'}</p>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending} className="bg-danger hover:bg-danger/90">
              {pending ? 'Cancelling…' : 'Yes, cancel order'}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Keep my order
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
          Cancel order
        </Button>
      )}
    </div>
  );
}
