import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClassName } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Not for this account', robots: { index: false } };

// Shown with a 403 when a signed-in account that is not an admin opens an admin page (forbidden() in the page).
export default function Forbidden() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold tracking-widest text-brand uppercase">403</p>
      <h1 className="mt-2 text-3xl font-bold">This page is for administrators</h1>
      <p className="mt-3 text-muted">
        You are signed in with an account that cannot see the shop’s analytics. Ask an administrator if you need these figures.
      </p>
      <Link href="/" className={buttonClassName('primary', 'mt-6')}>
        Back to the shop
      </Link>
    </section>
  );
}
