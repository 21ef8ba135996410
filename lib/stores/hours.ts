import { z } from 'zod';
import { addDays, daysBetween, formatMinutes, toLocalTime, zonedTimeToInstant, type LocalDate } from './zoned-time';

// Opening hours as stored on Location.openingHours: [{ day: 0-6 (Sunday = 0), open: 'HH:mm', close: 'HH:mm' }].
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:mm');
export const openingHoursSchema = z.array(z.object({ day: z.number().int().min(0).max(6), open: hhmm, close: hhmm }));
export type OpeningHours = z.infer<typeof openingHoursSchema>;
export type Interval = { open: number; close: number };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEARCH_DAYS = 14;

function toMinutes(hm: string): number {
  const [h = 0, m = 0] = hm.split(':').map(Number);
  return h * 60 + m;
}

// Hours that end at or before they start ('18:00'–'00:00') close at midnight.
export function intervalsFor(hours: OpeningHours, weekday: number): Interval[] {
  return hours
    .filter((h) => h.day === weekday)
    .map((h) => {
      const open = toMinutes(h.open);
      const close = toMinutes(h.close);
      return { open, close: close <= open ? 1440 : close };
    })
    .sort((a, b) => a.open - b.open);
}

function formatIntervals(intervals: Interval[]): string {
  return intervals.map((i) => `${formatMinutes(i.open)}–${formatMinutes(i.close)}`).join(', ');
}

// The first moment at or after `minutes` on `date` when the store is open, within two weeks. With `endsEarly`, each
// interval ends that many minutes before closing (an interval left with no time is skipped).
export function nextOpenSlot(hours: OpeningHours, date: LocalDate, minutes: number, endsEarly = 0) {
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const day = addDays(date, offset);
    const after = offset === 0 ? minutes : 0;
    const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
    const slot = intervalsFor(hours, weekday)
      .map((i) => ({ open: i.open, close: i.close - endsEarly }))
      .find((i) => i.close > i.open && i.close > after);
    if (slot) return { date: day, weekday, minutes: Math.max(slot.open, after), interval: slot };
  }
  return null;
}

function dayPhrase(daysAhead: number, date: LocalDate, weekday: number): string {
  if (daysAhead === 0) return 'today';
  if (daysAhead === 1) return 'tomorrow';
  if (daysAhead < 7) return WEEKDAYS[weekday] ?? '';
  return `${WEEKDAYS[weekday]?.slice(0, 3)} ${date.day} ${MONTHS[date.month - 1]}`;
}

export type OpenState = { openNow: boolean; todayHours: string; todayIntervals: { open: string; close: string }[]; status: string };

export function describeOpenState(hours: OpeningHours, timeZone: string, now: Date): OpenState {
  const local = toLocalTime(now, timeZone);
  const today = intervalsFor(hours, local.weekday);
  const current = today.find((i) => i.open <= local.minutes && local.minutes < i.close);
  const todayIntervals = today.map((i) => ({ open: formatMinutes(i.open), close: formatMinutes(i.close) }));
  const todayHours = today.length ? formatIntervals(today) : 'Closed today';
  if (current) return { openNow: true, todayHours, todayIntervals, status: `Open now · closes ${formatMinutes(current.close)}` };
  const next = nextOpenSlot(hours, local, local.minutes);
  if (!next) return { openNow: false, todayHours, todayIntervals, status: 'Closed' };
  const days = daysBetween(local, next.date);
  const when = days === 0 ? '' : `${dayPhrase(days, next.date, next.weekday)} `;
  return {
    openNow: false,
    todayHours,
    todayIntervals,
    status: `Closed · opens ${when}${days === 0 ? '' : 'at '}${formatMinutes(next.minutes)}`,
  };
}

export type ReadyBy = { at: string; daysAhead: number; label: string };

/** What a pickup promise depends on: the store's week, its time zone, lead time and last collection before closing. */
export type PickupClock = { hours: OpeningHours; timeZone: string; leadMinutes: number; cutoffMinutes: number };

// The one ready-by computation: the store picker, the checkout, the order page and e-mail, and the staff queue all
// use it. An order takes `leadMinutes` of elapsed time to prepare and is promised only for a time the shopper can
// still collect it: while the store is open and at least `cutoffMinutes` before it closes. Times are rounded up to 5
// minutes so the promise is never earlier than the truth.
export function computeReadyBy(clock: PickupClock, from: Date): ReadyBy | null {
  const { hours, timeZone } = clock;
  const readyInstant = new Date(Math.ceil((from.getTime() + clock.leadMinutes * 60_000) / 60_000) * 60_000);
  const today = toLocalTime(from, timeZone);
  const ready = toLocalTime(readyInstant, timeZone);
  const slot = nextOpenSlot(hours, ready, Math.ceil(ready.minutes / 5) * 5, Math.max(0, clock.cutoffMinutes));
  if (!slot) return null;
  const daysAhead = daysBetween(today, slot.date);
  const time = formatMinutes(slot.minutes);
  const label = daysAhead === 0 ? `Ready today from ${time}` : `Ready ${dayPhrase(daysAhead, slot.date, slot.weekday)} at ${time}`;
  return { at: zonedTimeToInstant(slot.date, slot.minutes, timeZone).toISOString(), daysAhead, label };
}
