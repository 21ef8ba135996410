import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { signValue, unsignValue } from './secret';

// A device that has signed in to an account before carries a signed cookie naming it. Password attempts from such a
// device are counted per device, so a stranger's guesses (which lock the account's e-mail for new devices) never
// lock its owner out where they usually sign in. The cookie holds a random id and a digest of the e-mail, not the e-mail.
export const DEVICE_COOKIE = 'nw_device';
export const DEVICE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;
const PURPOSE = 'known-device';

const digest = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 22);

export function deviceCookieValue(email: string, existing?: string | null): string {
  const id = knownDeviceId(existing, email) ?? randomBytes(16).toString('base64url');
  return signValue(`${id}~${digest(email)}`, PURPOSE);
}

// The device id when the cookie is ours and was given for this e-mail; null otherwise.
export function knownDeviceId(cookieValue: string | null | undefined, email: string): string | null {
  const value = unsignValue(cookieValue ?? undefined, PURPOSE);
  if (!value) return null;
  const [id, forEmail] = value.split('~');
  return id && forEmail === digest(email) ? id : null;
}

export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
