'use client';

import { useEffect } from 'react';

// Shown by /sign-in and /sign-up once the visitor is signed in (including straight after the form
// succeeds): a full page load to where they were going, so the bag and every other client store start
// again as the signed-in shopper and this device's guest bag is merged.
export function SignedInRedirect({ to }: { to: string }) {
  useEffect(() => {
    window.location.replace(to);
  }, [to]);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 py-6" role="status">
      <h1 className="text-2xl font-semibold">You are signed in</h1>
      <a href={to} className="underline">
        Continue
      </a>
    </div>
  );
}
