'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { signUpAction } from './actions';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signUpAction, undefined);
  // The same answer whether or not the address already had an account: the rest happens through the e-mail.
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">Check your e-mail</h2>
        <FormMessage state={state} />
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <FormField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state?.values?.name}
        errors={state?.fieldErrors?.name}
      />
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
        autoComplete="new-password"
        minLength={10}
        required
        errors={state?.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm">
        Already have an account?{' '}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
