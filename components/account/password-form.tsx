'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { changePasswordAction } from './actions';

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, undefined);
  return (
    <details className="flex flex-col gap-4" open={Boolean(state)}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium underline">
        {hasPassword ? 'Change your password' : 'Set a password'}
      </summary>
      <form action={formAction} className="mt-2 flex flex-col gap-4">
        <FormMessage state={state} />
        {hasPassword && (
          <FormField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={state?.fieldErrors?.currentPassword}
          />
        )}
        <FormField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          errors={state?.fieldErrors?.newPassword}
        />
        <p className="text-sm text-muted">Every other device signed in to your account will be signed out.</p>
        <Button type="submit" disabled={pending} className="self-start">
          {hasPassword ? 'Change password' : 'Set password'}
        </Button>
      </form>
    </details>
  );
}
