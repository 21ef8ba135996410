'use client';

import Link from 'next/link';
import { FormField } from '@/components/ui/form-field';
import { ConsentBoxes, type ConsentChoice } from './consent-boxes';
import { fieldId, type FieldErrors } from './field-ids';

// Step 1: where the confirmation goes, and the optional text-message and offer consents.
export function ContactStep({
  email,
  onEmail,
  consent,
  onConsent,
  signedIn,
  errors,
}: {
  email: string;
  onEmail: (email: string) => void;
  consent: ConsentChoice;
  onConsent: (consent: ConsentChoice) => void;
  signedIn: boolean;
  errors: FieldErrors;
}) {
  return (
    <section aria-labelledby="contact-heading" className="flex flex-col gap-3">
      <h2 id="contact-heading" className="text-lg font-semibold">
        1. Contact
      </h2>
      <FormField
        label="Email"
        id={fieldId('email')}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={email}
        onChange={(e) => onEmail(e.target.value)}
        errors={errors.email ? [errors.email] : undefined}
      />
      <p className="text-sm text-muted">
        {signedIn ? (
          'Your confirmation goes here.'
        ) : (
          <>
            We send your confirmation here.{' '}
            <Link href="/sign-in?callbackUrl=/checkout" className="underline">
              Sign in
            </Link>{' '}
            for your saved address.
          </>
        )}
      </p>
      <ConsentBoxes value={consent} onChange={onConsent} phoneError={errors['consent.phone']} />
    </section>
  );
}
