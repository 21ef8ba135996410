'use client';

import { FormField } from '@/components/ui/form-field';

export type ConsentChoice = { smsUpdates: boolean; phone: string; offers: boolean };
export const noConsent: ConsentChoice = { smsUpdates: false, phone: '', offers: false };

// Unticked unless the shopper ticks them: text messages about this order's pickup (they need a mobile number) and
// offers by e-mail. The server checks the number (E.164) and keeps the choice with the order's e-mail address.
export function ConsentBoxes({
  value,
  onChange,
  phoneError,
}: {
  value: ConsentChoice;
  onChange: (next: ConsentChoice) => void;
  phoneError?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium">Keep me posted (optional)</legend>
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="consent-sms"
          className="size-5 accent-brand"
          checked={value.smsUpdates}
          onChange={(e) => onChange({ ...value, smsUpdates: e.target.checked })}
        />
        <span>Text me when my order is ready to collect</span>
      </label>
      {value.smsUpdates && (
        <FormField
          label="Mobile number"
          id="checkout-consent.phone"
          name="consent-phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="07911 123456"
          value={value.phone}
          onChange={(e) => onChange({ ...value, phone: e.target.value })}
          errors={phoneError ? [phoneError] : undefined}
        />
      )}
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="consent-offers"
          className="size-5 accent-brand"
          checked={value.offers}
          onChange={(e) => onChange({ ...value, offers: e.target.checked })}
        />
        <span>E-mail me offers and news</span>
      </label>
    </fieldset>
  );
}
