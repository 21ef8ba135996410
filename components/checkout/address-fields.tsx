'use client';

import { useState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { normaliseUkPostcode, UK_POSTCODE_MESSAGE } from '@/lib/validation/uk-postcode';

export type AddressInput = { name: string; line1: string; line2: string; city: string; postcode: string; phone: string };

// The delivery address, with the autocomplete tokens that let phones and browsers fill it in one tap.
export function AddressFields({
  value,
  errors,
  onChange,
}: {
  value: AddressInput;
  errors: Record<string, string | undefined>;
  onChange: (next: AddressInput) => void;
}) {
  // Checked when the shopper leaves the field (the server checks again): written out the standard way when it is a UK
  // postcode ("se12ye" becomes "SE1 2YE"), else the message shows at once rather than after Place order. The last
  // check speaks for the value it checked, over an older answer from the server.
  const [checked, setChecked] = useState<{ postcode: string; error: string | null } | null>(null);
  const checkPostcode = () => {
    const postcode = normaliseUkPostcode(value.postcode);
    const typed = value.postcode.trim();
    setChecked({ postcode: postcode ?? value.postcode, error: postcode || !typed ? null : UK_POSTCODE_MESSAGE });
    if (postcode && postcode !== value.postcode) onChange({ ...value, postcode });
  };
  const serverError = errors['shippingAddress.postcode'];
  const postcodeError = checked?.postcode === value.postcode ? (checked.error ?? undefined) : serverError;
  const field = (key: keyof AddressInput) => ({
    id: `shipping-${key}`,
    name: `shippingAddress.${key}`,
    value: value[key],
    errors: errors[`shippingAddress.${key}`] ? [errors[`shippingAddress.${key}`]!] : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.target.value }),
  });
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="sr-only">Delivery address</legend>
      <FormField label="Full name" autoComplete="shipping name" required {...field('name')} />
      <FormField label="Address line 1" autoComplete="shipping address-line1" required {...field('line1')} />
      <FormField label="Address line 2 (optional)" autoComplete="shipping address-line2" {...field('line2')} />
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Town or city" autoComplete="shipping address-level2" required {...field('city')} />
        <FormField
          label="Postcode"
          autoComplete="shipping postal-code"
          autoCapitalize="characters"
          required
          {...field('postcode')}
          errors={postcodeError ? [postcodeError] : undefined}
          onBlur={checkPostcode}
        />
      </div>
      <FormField label="Phone for the courier (optional)" type="tel" inputMode="tel" autoComplete="shipping tel" {...field('phone')} />
      <p className="text-sm text-muted">We deliver within the United Kingdom.</p>
    </fieldset>
  );
}
