'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiSend } from '@/lib/api/client';

export function ArrivedButton({ orderId }: { orderId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col gap-2">
      <Button
        className="self-start"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(undefined);
          const res = await apiSend('POST', `/api/v1/orders/${orderId}/arrived`);
          setPending(false);
          if (res.ok) router.refresh();
          else setError(res.message);
        }}
      >
        {pending ? 'Telling the store…' : "I'm here"}
      </Button>
      {error && <FormMessage state={{ ok: false, message: error }} />}
    </div>
  );
}
