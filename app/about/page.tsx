import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'About us',
  description: 'Northwind Supply makes hard-wearing clothing and homeware in London, sold online and in our own stores.',
};

// A fully static page; the benchmark also uses it as the "static page" reference.
export default function AboutPage() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">About Northwind Supply</h1>
      <p className="mt-4 text-lg">
        We make hard-wearing clothing, footwear and homeware for city life and weekends away, designed in London since 2009.
      </p>
      <p className="mt-4">
        Shop online and have it delivered, or order now and collect from one of our London stores, often the same day. Loyalty points work
        the same online and at the counter.
      </p>
      <p className="mt-6">
        <Link className="font-semibold underline underline-offset-4" href="/">
          Browse the shop
        </Link>
      </p>
    </div>
  );
}
