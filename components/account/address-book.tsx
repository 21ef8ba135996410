'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { AddressView } from '@/lib/auth/users';
import { addAddressAction, deleteAddressAction, setDefaultAddressAction } from './actions';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';

export function AddressBook({ addresses }: { addresses: AddressView[] }) {
  const [addState, addAction, adding] = useActionState(addAddressAction, undefined);
  const [rowState, removeAction] = useActionState(deleteAddressAction, undefined);
  const [defaultState, defaultAction] = useActionState(setDefaultAddressAction, undefined);
  const v = addState?.ok ? undefined : addState?.values;
  return (
    <div className="flex flex-col gap-4">
      <FormMessage state={rowState ?? defaultState} />
      {addresses.length === 0 ? (
        <p className="text-muted">No saved addresses yet.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {addresses.map((a) => (
            <li key={a.id} className="flex flex-col gap-2 rounded border border-border p-3 sm:flex-row sm:items-start sm:justify-between">
              <address className="not-italic">
                <strong>{a.name}</strong>
                {a.isDefault && <span className="ml-2 rounded-pill bg-brand-soft px-2 text-sm">Default</span>}
                <br />
                {a.line1}
                {a.line2 && <>, {a.line2}</>}
                <br />
                {a.city} {a.postcode}, {a.country}
              </address>
              <div className="flex gap-2">
                {!a.isDefault && (
                  <form action={defaultAction}>
                    <input type="hidden" name="id" value={a.id} />
                    <Button type="submit" variant="ghost">
                      Make default
                    </Button>
                  </form>
                )}
                <form action={removeAction}>
                  <input type="hidden" name="id" value={a.id} />
                  <Button type="submit" variant="ghost" aria-label={`Remove address ${a.line1}`}>
                    Remove
                  </Button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <details className="rounded border border-border p-3">
        <summary className="min-h-11 content-center font-medium">Add an address</summary>
        <form action={addAction} className="mt-3 flex flex-col gap-3">
          <FormMessage state={addState} />
          <FormField
            label="Full name"
            name="name"
            autoComplete="name"
            required
            defaultValue={v?.name}
            errors={addState?.fieldErrors?.name}
          />
          <FormField
            label="Address line 1"
            name="line1"
            autoComplete="address-line1"
            required
            defaultValue={v?.line1}
            errors={addState?.fieldErrors?.line1}
          />
          <FormField
            label="Address line 2 (optional)"
            name="line2"
            autoComplete="address-line2"
            defaultValue={v?.line2}
            errors={addState?.fieldErrors?.line2}
          />
          <FormField
            label="Town or city"
            name="city"
            autoComplete="address-level2"
            required
            defaultValue={v?.city}
            errors={addState?.fieldErrors?.city}
          />
          <FormField
            label="Postcode"
            name="postcode"
            autoComplete="postal-code"
            required
            defaultValue={v?.postcode}
            errors={addState?.fieldErrors?.postcode}
          />
          <input type="hidden" name="country" value="GB" />
          <Button type="submit" disabled={adding} className="self-start">
            Save address
          </Button>
        </form>
      </details>
    </div>
  );
}
