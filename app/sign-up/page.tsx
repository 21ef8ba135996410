import type { Metadata } from 'next';
import { SignedInRedirect } from '@/components/account/signed-in-redirect';
import { SignUpForm } from '@/components/account/sign-up-form';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  if (await getSessionUser()) return <SignedInRedirect to={callbackUrl} />;
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-6">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
