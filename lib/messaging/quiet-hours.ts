// No SMS between 21:00 and 09:00 London time (SMS_QUIET_HOURS): one due then waits until 09:00.
const ZONE = 'Europe/London';
export type QuietHours = { from: number; until: number } | null;
export const DEFAULT_QUIET_HOURS: QuietHours = { from: 21, until: 9 };

export function parseQuietHours(setting: string): QuietHours {
  if (setting === 'off') return null;
  const [from, until] = setting.split('-').map(Number);
  return { from: from!, until: until! };
}

function londonParts(at: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

// The instant London's clock reads the given wall time (the offset is read at that instant, so a DST change between
// now and then is handled).
function londonWallTime(year: number, month: number, day: number, hour: number): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const seen = londonParts(new Date(guess));
  const offset = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second) - guess;
  return new Date(guess - offset);
}

// When an SMS due at `now` may go: `now` itself outside quiet hours, else when they end (the next 09:00 in London).
// The window spans midnight (21-9) or not (1-6).
export function smsAllowedFrom(now: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!quiet) return now;
  const p = londonParts(now);
  const spansMidnight = quiet.from > quiet.until;
  const inQuiet = spansMidnight ? p.hour >= quiet.from || p.hour < quiet.until : p.hour >= quiet.from && p.hour < quiet.until;
  if (!inQuiet) return now;
  const dayOffset = spansMidnight && p.hour >= quiet.from ? 1 : 0;
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + dayOffset));
  return londonWallTime(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), quiet.until);
}
