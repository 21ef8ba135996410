import { env } from '@/lib/env';
import { intervalsFor, nextOpenSlot, openingHoursSchema } from '@/lib/stores/hours';
import { addDays, toLocalTime, zonedTimeToInstant } from '@/lib/stores/zoned-time';

// Used when a store has no usable opening hours: roughly "until closing tomorrow".
export const PAY_AT_PICKUP_FALLBACK_HOURS = 36;

export function paymentHoldExpiry(now: Date, minutes: number = env.HOLD_MINUTES): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

// Pay at pickup keeps the stock until the store closes on its next opening day after today.
export function payAtPickupHoldExpiry(store: { openingHours: unknown; timeZone: string }, now: Date): Date {
  const fallback = new Date(now.getTime() + PAY_AT_PICKUP_FALLBACK_HOURS * 3_600_000);
  const hours = openingHoursSchema.safeParse(store.openingHours);
  if (!hours.success) return fallback;
  const tomorrow = addDays(toLocalTime(now, store.timeZone), 1);
  const slot = nextOpenSlot(hours.data, tomorrow, 0);
  if (!slot) return fallback;
  const closes = Math.max(...intervalsFor(hours.data, slot.weekday).map((i) => i.close));
  return zonedTimeToInstant(slot.date, closes, store.timeZone);
}
