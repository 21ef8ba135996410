import type { Metadata } from 'next';
import { SignInForm } from '@/components/account/sign-in-form';
import { SignedInRedirect } from '@/components/account/signed-in-redirect';
import { oauthProviders } from '@/lib/auth/config';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

// Auth.js sends failed e-mail-link and provider sign-ins back here with ?error=.
const errors: Record<string, string> = {
  Verification: 'That sign-in link has expired or has already been used. Ask for a new one.',
  AccessDenied: 'Sign-in was refused. Please try again.',
  OAuthAccountNotLinked: 'This e-mail is already used with another sign-in method.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  // No redirect for a signed-in visitor: right after signing in, the form must stay mounted to do the
  // full page load that brings this device's bag along.
  if (await getSessionUser()) return <SignedInRedirect to={callbackUrl} />;
  const error = typeof params.error === 'string' ? (errors[params.error] ?? 'We could not sign you in. Please try again.') : undefined;
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="text-muted">Your bag follows you to every device you sign in on.</p>
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviders} initialError={error} />
    </div>
  );
}
