'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

// Claiming needs a tap, so link previews and QR scanners that fetch the URL cannot use up the token.
export function ClaimCartTransfer({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function claim() {
    setBusy(true);
    try {
      const response = await fetch('/api/v1/cart/transfer/claim', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      if (response.ok) {
        // A full load: this tab's bag store must start again from the cart it now holds.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign('/cart');
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
      setError(body?.error?.message ?? 'This link did not work. Ask for a new one on your other device.');
    } catch (e) {
      console.error('Claiming the bag failed', e);
      setError('We could not reach the shop. Check your connection and try again.');
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-3">
      <Button onClick={() => void claim()} disabled={busy} className="self-start">
        Open my bag here
      </Button>
      {error && <p role="alert" className="text-danger">{error}</p>}
    </div>
  );
}
