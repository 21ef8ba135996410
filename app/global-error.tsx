'use client';

import './globals.css';

// Replaces the whole document when even the root layout fails, so it brings its own <html>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-dvh items-center justify-center p-6">
        <main className="max-w-md text-center" role="alert">
          <h1 className="text-2xl font-bold">Northwind Supply is having a moment</h1>
          <p className="mt-3 text-muted">Something went wrong on our side. Please try again shortly.</p>
          {error.digest && <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p>}
          <button type="button" onClick={reset} className="mt-6 min-h-11 rounded bg-brand px-5 font-semibold text-on-brand">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
