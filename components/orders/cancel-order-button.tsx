'use client';

import { useActionState, useState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { Button } from '@/components/ui/button';
import { cancelOrderAction, sendCancelCodeAction } from './actions';

// Two steps, so a stray tap never cancels an order; the second says what will happen to the money. A device that
// only looked the order up (`needsCode`) first has a code e-mailed to the order's address and types it in.
export function CancelOrderButton({ orderId, paid, needsCode = false }: { orderId: string; paid: boolean; needsCode?: boolean }) {
  const [state, formAction, pending] = useActionState(cancelOrderAction, undefined);
  const [codeState, sendCode, sending] = useActionState(sendCancelCodeAction, undefined);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <FormMessage state={state} />;
  if (!confirming) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessage state={state} />
        <Button variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
          Cancel order
        </Button>
      </div>
    );
  }
  const question = paid
    ? 'Cancel this order? We will refund your payment in full.'
    : 'Cancel this order? Nothing will be charged and the items go back on the shelf.';
  const keep = (
    <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
      Keep my order
    </Button>
  );
  if (needsCode && !codeState?.ok) {
    return (
      <form action={sendCode} className="flex flex-col gap-3 rounded border border-danger/40 p-4">
        <input type="hidden" name="orderId" value={orderId} />
        <FormMessage state={codeState} />
        <p>You found this order by its number and e-mail. To cancel it from here, we e-mail a one-time code to the address on the order.</p>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={sending}>
            {sending ? 'Sending…' : 'E-mail me a code'}
          </Button>
          {keep}
        </div>
      </form>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state ?? codeState} />
      <form action={formAction} className="flex flex-col gap-3 rounded border border-danger/40 p-4">
        <input type="hidden" name="orderId" value={orderId} />
        {needsCode && (
          <FormField
            label="Code from the e-mail"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            errors={state?.fieldErrors?.code}
          />
        )}
        <p>{question}</p>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending} className="bg-danger hover:bg-danger/90">
            {pending ? 'Cancelling…' : 'Yes, cancel order'}
          </Button>
          {keep}
        </div>
      </form>
    </div>
  );
}
