import type { Metadata } from 'next';
import Link from 'next/link';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your e-mail', robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 py-6">
      <h1 className="text-2xl font-semibold">Check your e-mail</h1>
      <p>We sent you a sign-in link. It works once, within 15 minutes.</p>
      {env.devMailEnabled && (
        <p className="text-muted">
          Demo mode: read it in the{' '}
          <Link href="/dev/mail" className="underline">
            development outbox
          </Link>
          .
        </p>
      )}
    </div>
  );
}
