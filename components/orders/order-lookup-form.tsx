'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { Button } from '@/components/ui/button';
import { lookupOrderAction } from './actions';

export function OrderLookupForm() {
  const [state, formAction, pending] = useActionState(lookupOrderAction, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <FormField
        label="Order number"
        name="number"
        placeholder="NW-7KQ4-M9XC"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        defaultValue={state?.values?.number}
        errors={state?.fieldErrors?.number}
      />
      <FormField
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email}
        errors={state?.fieldErrors?.email}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Finding your order…' : 'Find my order'}
      </Button>
    </form>
  );
}
