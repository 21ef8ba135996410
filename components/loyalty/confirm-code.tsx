'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiSend } from '@/lib/api/client';

// Spending points at the counter needs the member's say-so: a code made here, on their own phone, valid 2 minutes.
export function ConfirmCode() {
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (!code) return;
    const tick = () => {
      const seconds = Math.max(0, Math.round((new Date(code.expiresAt).getTime() - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds === 0) setCode(null);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [code]);

  async function show() {
    setError(null);
    const result = await apiSend<{ code: string; expiresAt: string }>('POST', '/api/v1/loyalty/confirm-code');
    if (result.ok) setCode(result.data);
    else setError(result.message);
  }

  return (
    <div className="flex w-full flex-col items-center gap-2">
      {code ? (
        <>
          <p className="text-sm">Tell the associate this code to spend your points:</p>
          <p
            className="font-mono text-4xl font-bold tracking-[0.3em]"
            data-testid="confirm-code"
            aria-label={`Code ${code.code.split('').join(' ')}`}
          >
            {code.code}
          </p>
          <p className="text-sm text-muted" aria-live="polite">
            Valid for {left} more seconds, for one use.
          </p>
        </>
      ) : (
        <Button onClick={show} className="w-full">
          Spend points at the counter
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
