'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

// Shown when a page fails to render; the header and footer stay usable.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="mx-auto max-w-xl py-12 text-center" role="alert">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-muted">
        We couldn’t load this page. Please try again; if it keeps happening, come back in a few minutes.
        {error.digest && <span className="mt-2 block text-sm">Reference: {error.digest}</span>}
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </section>
  );
}
