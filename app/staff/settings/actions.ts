'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/action';
import { storeSettingsBodySchema } from '@/lib/pickup/schemas';
import { updateStoreSettings } from '@/lib/pickup/store-settings';
import { rowId } from '@/lib/validation/text';

const settingsForm = storeSettingsBodySchema.extend({ storeId: rowId('Not a store id') });

// The store settings form: staff of that store (or an admin), checked again in lib against the database.
export const saveStoreSettings = staffAction(settingsForm, async ({ storeId, ...settings }, user) => {
  const saved = await updateStoreSettings(user, storeId, settings);
  revalidatePath('/staff/settings');
  return {
    ok: true,
    message: `Saved for ${saved.storeName}.`,
    values: {
      storeId,
      pickupHoldDays: String(saved.pickupHoldDays),
      substitutionAnswerMinutes: String(saved.substitutionAnswerMinutes),
    },
  };
});
