'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { updateProfileAction } from './actions';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';

export function ProfileForm({ name, phone }: { name: string; phone: string }) {
  const [state, formAction, pending] = useActionState(updateProfileAction, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <FormField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state?.values?.name ?? name}
        errors={state?.fieldErrors?.name}
      />
      <FormField
        label="Phone"
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        defaultValue={state?.values?.phone ?? phone}
        errors={state?.fieldErrors?.phone}
      />
      <Button type="submit" disabled={pending} className="self-start">
        Save details
      </Button>
    </form>
  );
}
