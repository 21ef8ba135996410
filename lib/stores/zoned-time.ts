// Wall-clock time in a store's time zone, with nothing but Intl (no tz database package needed).
export type LocalDate = { year: number; month: number; day: number };
export type LocalTime = LocalDate & { weekday: number; minutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function toLocalTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const date = { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1 };
  return { ...date, weekday: weekdayOf(date), minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0) };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

function offsetMinutes(instant: number, timeZone: string): number {
  const local = toLocalTime(new Date(instant), timeZone);
  const localAsUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes);
  return Math.round((localAsUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

// The instant at which a store's clock shows `minutes` past midnight on `date`. A time skipped by a
// DST change resolves to the same wall time after the change (an hour later in instant terms).
export function zonedTimeToInstant(date: LocalDate, minutes: number, timeZone: string): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = offsetMinutes(asUtc, timeZone);
  const candidate = asUtc - first * 60_000;
  const second = offsetMinutes(candidate, timeZone);
  return new Date(second === first ? candidate : asUtc - Math.min(first, second) * 60_000);
}

export function formatMinutes(minutes: number): string {
  if (minutes >= 1440) return 'midnight';
  const m = Math.max(0, minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
