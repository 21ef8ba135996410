import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Offline', robots: { index: false } };

// What the service worker shows for a page it has no copy of while there is no connection (app/serwist/sw.ts).
// Pages opened before (orders, the member card) are still readable from the device.
export default function OfflinePage() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-3">
      <h1 className="text-2xl font-semibold">You are offline</h1>
      <p>This page needs a connection. Orders and your member card that you opened on this device are still readable.</p>
      <ul className="flex flex-col">
        <li>
          <Link href="/account/orders" className="inline-flex min-h-11 items-center underline">
            Your orders
          </Link>
        </li>
        <li>
          <Link href="/account/rewards" className="inline-flex min-h-11 items-center underline">
            Member card
          </Link>
        </li>
        <li>
          <Link href="/" className="inline-flex min-h-11 items-center underline">
            Home
          </Link>
        </li>
      </ul>
    </div>
  );
}
