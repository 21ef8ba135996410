'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { Button } from '@/components/ui/button';
import { sendNewPickupCodeAction } from './actions';

export function NewPickupCodeButton({ orderId }: { orderId: string }) {
  const [state, formAction, pending] = useActionState(sendNewPickupCodeAction, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? 'Sending…' : 'Send me a new pickup code'}
      </Button>
    </form>
  );
}
