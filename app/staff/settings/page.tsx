import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { STAFF_STORE_COOKIE } from '@/components/staff/staff-store-cookie';
import { getSessionUser } from '@/lib/auth/session';
import { staffStores } from '@/lib/pickup/access';
import { storeSettings } from '@/lib/pickup/store-settings';
import { StoreSettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Store settings', robots: { index: false } };

// The pickup settings of the store the associate works in (the one chosen on /staff): how long a ready order waits,
// and how long a shopper has to answer about a substitute.
export default async function StoreSettingsPage() {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/staff/settings');
  const stores = user.role === 'CUSTOMER' ? [] : await staffStores(user);
  if (!stores.length) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">Store settings</h1>
        <p className="mt-2">This page is for the staff of a store.</p>
      </div>
    );
  }
  const remembered = (await cookies()).get(STAFF_STORE_COOKIE)?.value;
  const store = stores.find((s) => s.id === remembered) ?? stores[0]!;
  const settings = await storeSettings(store.id);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link href="/staff" className="self-start underline">
        Back to pickups
      </Link>
      <h1 className="text-2xl font-semibold">Settings for {store.name}</h1>
      <StoreSettingsForm settings={settings} />
    </div>
  );
}
