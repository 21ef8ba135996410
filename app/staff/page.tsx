import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { StaffQueue } from '@/components/staff/staff-queue';
import { STAFF_STORE_COOKIE } from '@/components/staff/staff-store-cookie';
import { StoreSwitcher } from '@/components/staff/store-switcher';
import { getSessionUser } from '@/lib/auth/session';
import { requireStoreStaff, staffStores } from '@/lib/pickup/access';
import { storeQueue } from '@/lib/pickup/queue';

export const metadata: Metadata = { title: 'Store pickups', robots: { index: false } };

// The store associate's page: the store's pickup queue, live. Staff see the stores they are assigned to, admins all.
export default async function StaffPage() {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/staff');
  if (user.role === 'CUSTOMER') {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">Store pickups</h1>
        <p className="mt-2">This page is for store staff. Sign in with a staff account to see a store&apos;s pickups.</p>
      </div>
    );
  }
  const stores = await staffStores(user);
  if (!stores.length) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">Store pickups</h1>
        <p className="mt-2">You are not assigned to a store yet. Ask a manager to add you to one.</p>
      </div>
    );
  }
  const remembered = (await cookies()).get(STAFF_STORE_COOKIE)?.value;
  const store = stores.find((s) => s.id === remembered) ?? stores[0]!;
  await requireStoreStaff(store.id);
  // Only the first page of To pick is drawn here; other tabs and pages are read by the page itself (use-staff-queue.ts).
  const initial = await storeQueue(store.id, 'to_pick');
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Pickups at {store.name}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <StoreSwitcher stores={stores} current={store.id} />
          <Link href="/staff/counter" className="inline-flex min-h-11 items-center underline">
            Counter
          </Link>
          <Link href="/staff/settings" className="inline-flex min-h-11 items-center underline">
            Store settings
          </Link>
        </div>
      </div>
      <StaffQueue key={store.id} initial={initial} timeZone={store.timeZone} />
    </div>
  );
}
