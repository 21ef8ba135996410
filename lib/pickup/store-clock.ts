import 'server-only';
import { db } from '@/lib/db';
import type { OpeningHours } from '@/lib/stores/hours';
import { parseOpeningHours } from '@/lib/stores/view';
import { pickupNotFound } from './errors';

// What the staff queue needs to know of a store to say when its orders are due.
export type StoreClock = {
  id: string;
  name: string;
  hours: OpeningHours;
  timeZone: string;
  pickupLeadMinutes: number;
  pickupCutoffMinutes: number;
};
// The shared ready-by computation (lib/stores/hours.ts) with this store's lead time and last collection before closing.
export const clockOf = (s: StoreClock) => ({
  hours: s.hours,
  timeZone: s.timeZone,
  leadMinutes: s.pickupLeadMinutes,
  cutoffMinutes: s.pickupCutoffMinutes,
});

export async function storeClock(storeId: string): Promise<StoreClock> {
  const store = await db.location.findUnique({
    where: { id: storeId },
    select: { id: true, name: true, openingHours: true, timeZone: true, pickupLeadMinutes: true, pickupCutoffMinutes: true, type: true },
  });
  if (!store || store.type !== 'STORE') throw pickupNotFound();
  return {
    id: store.id,
    name: store.name,
    hours: parseOpeningHours(store.openingHours),
    timeZone: store.timeZone,
    pickupLeadMinutes: store.pickupLeadMinutes,
    pickupCutoffMinutes: store.pickupCutoffMinutes,
  };
}
