import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CounterScreen } from '@/components/staff/counter-screen';
import { STAFF_STORE_COOKIE } from '@/components/staff/staff-store-cookie';
import { getSessionUser } from '@/lib/auth/session';
import { requireStoreStaff, staffStores } from '@/lib/pickup/access';

export const metadata: Metadata = { title: 'Counter', robots: { index: false } };

// The till of the store the associate works in (the one chosen on /staff): a member's card, an in-store sale, points.
export default async function CounterPage() {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/staff/counter');
  const stores = user.role === 'CUSTOMER' ? [] : await staffStores(user);
  if (!stores.length) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">Counter</h1>
        <p className="mt-2">This page is for the staff of a store. Sign in with a staff account to record sales.</p>
      </div>
    );
  }
  const remembered = (await cookies()).get(STAFF_STORE_COOKIE)?.value;
  const store = stores.find((s) => s.id === remembered) ?? stores[0]!;
  await requireStoreStaff(store.id);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link href="/staff" className="inline-flex min-h-11 items-center self-start underline">
        Back to pickups
      </Link>
      <h1 className="text-2xl font-semibold">Counter at {store.name}</h1>
      <CounterScreen key={store.id} storeId={store.id} storeName={store.name} />
    </div>
  );
}
