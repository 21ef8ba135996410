import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AddressBook } from '@/components/account/address-book';
import { CommunicationPreferences } from '@/components/account/communication-preferences';
import { ProfileForm } from '@/components/account/profile-form';
import { SignInMethods } from '@/components/account/sign-in-methods';
import { SignOutButton } from '@/components/account/sign-out-button';
import { getSessionUser } from '@/lib/auth/session';
import { getAccountOverview } from '@/lib/auth/users';
import { getMyConsents } from '@/lib/messaging/account-consent';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/account');
  const [account, consents] = await Promise.all([getAccountOverview(user), getMyConsents(user)]);
  if (!account) redirect('/sign-in?callbackUrl=/account');
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Account</h1>
          <p className="text-muted">Signed in as {account.email}</p>
        </div>
        <SignOutButton />
      </div>
      <section aria-labelledby="orders-heading" className="flex flex-col gap-2">
        <h2 id="orders-heading" className="text-lg font-semibold">
          Orders
        </h2>
        <Link href="/account/orders" className="inline-flex min-h-11 items-center self-start font-medium underline">
          See your orders, track a pickup or cancel
        </Link>
      </section>
      <section aria-labelledby="rewards-heading" className="flex flex-col gap-2">
        <h2 id="rewards-heading" className="text-lg font-semibold">
          Northwind Rewards
        </h2>
        <Link href="/account/rewards" className="inline-flex min-h-11 items-center self-start font-medium underline">
          Your points, tier and member card
        </Link>
      </section>
      <section aria-labelledby="profile-heading" className="flex flex-col gap-3">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <ProfileForm name={account.name ?? ''} phone={account.phone ?? ''} />
      </section>
      <section aria-labelledby="addresses-heading" className="flex flex-col gap-3">
        <h2 id="addresses-heading" className="text-lg font-semibold">
          Addresses
        </h2>
        <AddressBook addresses={account.addresses} />
      </section>
      <section aria-labelledby="preferences-heading" className="flex flex-col gap-3">
        <h2 id="preferences-heading" className="text-lg font-semibold">
          Communication preferences
        </h2>
        <CommunicationPreferences initial={consents} />
      </section>
      <section aria-labelledby="methods-heading" className="flex flex-col gap-3">
        <h2 id="methods-heading" className="text-lg font-semibold">
          Sign-in methods
        </h2>
        <SignInMethods account={account} />
      </section>
    </div>
  );
}
