'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import type { StoreSettingsView } from '@/lib/pickup/store-settings';
import { saveStoreSettings } from './actions';

export function StoreSettingsForm({ settings }: { settings: StoreSettingsView }) {
  const [state, formAction, pending] = useActionState(saveStoreSettings, undefined);
  const value = (name: 'pickupHoldDays' | 'substitutionAnswerMinutes') => state?.values?.[name] ?? String(settings[name]);
  return (
    <form action={formAction} className="flex flex-col gap-4" aria-label={`Pickup settings for ${settings.storeName}`}>
      <FormMessage state={state} />
      <input type="hidden" name="storeId" value={settings.storeId} />
      <FormField
        label="Days a ready order waits to be collected"
        name="pickupHoldDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        required
        defaultValue={value('pickupHoldDays')}
        errors={state?.fieldErrors?.pickupHoldDays}
        key={`hold-${value('pickupHoldDays')}`}
      />
      <FormField
        label="Minutes a shopper has to answer about a substitute"
        name="substitutionAnswerMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={10080}
        required
        defaultValue={value('substitutionAnswerMinutes')}
        errors={state?.fieldErrors?.substitutionAnswerMinutes}
        key={`answer-${value('substitutionAnswerMinutes')}`}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save settings'}
      </Button>
    </form>
  );
}
