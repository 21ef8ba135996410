'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { sendMagicLinkAction, signInWithPasswordAction, signInWithProviderAction } from './actions';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';

export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const [mode, setMode] = useState<'password' | 'link'>('password');
  const [state, signInAction, signingIn] = useActionState(
    signInWithPasswordAction,
    initialError ? { ok: false, message: initialError } : undefined,
  );
  const [linkState, linkAction, sending] = useActionState(sendMagicLinkAction, undefined);
  const [providerState, providerAction] = useActionState(signInWithProviderAction, undefined);

  return (
    <div className="flex flex-col gap-6">
      {mode === 'password' ? (
        <form action={signInAction} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FormMessage state={state} />
          <FormField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={state?.values?.email}
            errors={state?.fieldErrors?.email}
          />
          <FormField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={state?.fieldErrors?.password}
          />
          <Button type="submit" disabled={signingIn} className="w-full">
            Sign in
          </Button>
          <button type="button" className="min-h-11 text-sm underline" onClick={() => setMode('link')}>
            Email me a sign-in link instead
          </button>
        </form>
      ) : (
        <form action={linkAction} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FormMessage state={linkState} />
          <FormField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={linkState?.values?.email}
            errors={linkState?.fieldErrors?.email}
          />
          <Button type="submit" disabled={sending} className="w-full">
            Email me a sign-in link
          </Button>
          <button type="button" className="min-h-11 text-sm underline" onClick={() => setMode('password')}>
            Use my password instead
          </button>
        </form>
      )}
      {providers.length > 0 && (
        <div className="flex flex-col gap-2 border-t border-border pt-4">
          <FormMessage state={providerState} />
          {providers.map((p) => (
            <form key={p.id} action={providerAction}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="secondary" className="w-full">
                Continue with {p.name}
              </Button>
            </form>
          ))}
        </div>
      )}
      <p className="text-center text-sm">
        New here?{' '}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
