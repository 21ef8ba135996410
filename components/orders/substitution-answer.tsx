'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiSend } from '@/lib/api/client';

type Props = { orderId: string; lineId: string; canAccept: boolean; itemName: string };

// Accept the substitute or drop the line: the page shows the order as it now stands.
export function SubstitutionAnswer({ orderId, lineId, canAccept, itemName }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function answer(accept: boolean) {
    setPending(true);
    setError(undefined);
    const res = await apiSend('POST', `/api/v1/orders/${orderId}/substitutions/${lineId}`, { accept });
    setPending(false);
    if (res.ok) router.refresh();
    else setError(res.message);
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {canAccept && (
          <Button disabled={pending} onClick={() => void answer(true)}>
            Accept the substitute<span className="sr-only"> for {itemName}</span>
          </Button>
        )}
        <Button variant="secondary" disabled={pending} onClick={() => void answer(false)}>
          {canAccept ? 'No thanks, remove it' : 'OK, remove it'}
          <span className="sr-only"> ({itemName})</span>
        </Button>
      </div>
      {error && <FormMessage state={{ ok: false, message: error }} />}
    </div>
  );
}
