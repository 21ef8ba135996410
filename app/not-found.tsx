import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/layout/search-form';
import { buttonClassName } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold tracking-widest text-brand uppercase">404</p>
      <h1 className="mt-2 text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-3 text-muted">The product may have sold out for good or moved. Try a search, or head back to the shop.</p>
      <SearchForm id="not-found-search" className="mx-auto mt-6 max-w-md" />
      <Link href="/" className={buttonClassName('primary', 'mt-6')}>
        Back to the shop
      </Link>
    </section>
  );
}
