'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, buttonClassName } from '@/components/ui/button';
import { apiGet } from '@/lib/api/client';

// Stripe (or the demo sheet) usually confirms within seconds; past this the shopper is told what to do instead.
const SLOW_AFTER_MS = 45_000;
const STOP_AFTER_MS = 5 * 60_000;

// Polls the order until payment is settled either way, then re-renders the page from the server.
export function PaymentPending({ orderId, holdExpiresAt }: { orderId: string; holdExpiresAt: string | null }) {
  const router = useRouter();
  const [phase, setPhase] = useState<'waiting' | 'slow' | 'stopped'>('waiting');
  const startedAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const check = useCallback(async (): Promise<boolean> => {
    // Offline for a moment, or any refusal: the next check tries again.
    const result = await apiGet<{ order: { status: string } }>(`/api/v1/orders/${encodeURIComponent(orderId)}`, { cache: 'no-store' });
    if (!result.ok || result.data.order.status === 'PENDING') return false;
    router.refresh();
    return true;
  }, [orderId, router]);

  const poll = useCallback(
    function run(delay: number) {
      timer.current = setTimeout(async () => {
        if (await check()) return;
        const waited = Date.now() - startedAt.current;
        if (waited > STOP_AFTER_MS) return setPhase('stopped');
        if (waited > SLOW_AFTER_MS) setPhase('slow');
        run(Math.min(delay * 1.5, 10_000));
      }, delay);
    },
    [check],
  );

  useEffect(() => {
    startedAt.current = Date.now();
    poll(1500);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    return () => {
      clearTimeout(timer.current);
      window.removeEventListener('focus', onFocus);
    };
  }, [poll, check]);

  const heldUntil = holdExpiresAt ? new Date(holdExpiresAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : null;
  return (
    <section
      aria-labelledby="pending-heading"
      aria-live="polite"
      className="flex flex-col gap-3 rounded border border-border bg-surface-alt p-5"
      data-testid="payment-pending"
    >
      <h2 id="pending-heading" className="text-lg font-semibold">
        {phase === 'waiting' ? 'Confirming your payment…' : 'Your payment is taking longer than usual'}
      </h2>
      {phase === 'waiting' ? (
        <p>This usually takes a few seconds. This page updates by itself.</p>
      ) : (
        <>
          <p>If you completed the payment, you do not need to do anything: we will e-mail you as soon as it is confirmed.</p>
          <p>
            If you did not finish paying, nothing has been charged{heldUntil ? ` and your items are held for you until ${heldUntil}` : ''}.
            Go back to your bag to try again.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button
              variant="secondary"
              onClick={() => {
                startedAt.current = Date.now();
                setPhase('waiting');
                clearTimeout(timer.current);
                poll(0);
              }}
            >
              Check again
            </Button>
            <Link href="/cart" className={buttonClassName('ghost')}>
              Back to your bag
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
