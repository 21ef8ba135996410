'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { DemoOutcome } from '@/lib/payments/provider';

// The demo provider's stand-in for a card form: it says plainly that no money moves, and drives the same
// order transitions a real payment would. "Requires extra step" stands in for a 3-D Secure check.
export function DemoPaymentSheet({
  totalLabel,
  busy,
  onOutcome,
}: {
  totalLabel: string;
  busy: boolean;
  onOutcome: (outcome: DemoOutcome) => void;
}) {
  const [challenge, setChallenge] = useState(false);
  return (
    <section
      aria-labelledby="demo-sheet-title"
      className="rounded border-2 border-dashed border-ink/40 p-4"
      data-testid="demo-payment-sheet"
    >
      <h3 id="demo-sheet-title" className="font-semibold">
        Test payment (demo mode)
      </h3>
      <p className="mt-1 text-sm text-muted">No card is charged. Choose how this test payment of {totalLabel} should go.</p>
      {challenge ? (
        <div className="mt-3 flex flex-col gap-2" role="group" aria-labelledby="demo-challenge">
          <p id="demo-challenge" className="text-sm font-medium">
            Your bank asks you to confirm this payment (a 3-D Secure test).
          </p>
          <Button disabled={busy} onClick={() => onOutcome('succeed')}>
            Complete the check
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => onOutcome('decline')}>
            Fail the check
          </Button>
        </div>
      ) : (
        <div className="mt-3 grid gap-2 sm:grid-cols-3">
          <Button disabled={busy} onClick={() => onOutcome('succeed')}>
            Succeed
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => onOutcome('decline')}>
            Decline
          </Button>
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setChallenge(true);
              onOutcome('requires_action');
            }}
          >
            Requires extra step
          </Button>
        </div>
      )}
    </section>
  );
}
