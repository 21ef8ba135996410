'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiSend } from '@/lib/api/client';

// Claiming needs a tap, so link previews and QR scanners that fetch the URL cannot use up the token.
export function ClaimCartTransfer({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function claim() {
    setBusy(true);
    const result = await apiSend(
      'POST',
      '/api/v1/cart/transfer/claim',
      { token },
      { fallback: 'This link did not work. Ask for a new one on your other device.' },
    );
    if (result.ok) {
      // A full load: this tab's bag store must start again from the cart it now holds.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/cart');
      return;
    }
    setError(result.message);
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-3">
      <Button onClick={() => void claim()} disabled={busy} className="self-start">
        Open my bag here
      </Button>
      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
