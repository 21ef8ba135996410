import 'server-only';
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { cookieOptions } from './cookie-options';

// A random id for a visitor who is not signed in (recently viewed, guest analytics).
// Readable anywhere; set only from a route handler or server action.
const ANONYMOUS_COOKIE = 'nw_aid';
const ONE_YEAR = 60 * 60 * 24 * 365;
const valid = /^[0-9a-f-]{36}$/;

export async function getAnonymousId(): Promise<string | null> {
  const value = (await cookies()).get(ANONYMOUS_COOKIE)?.value;
  return value && valid.test(value) ? value : null;
}

export async function ensureAnonymousId(): Promise<string> {
  const existing = await getAnonymousId();
  if (existing) return existing;
  const id = randomUUID();
  (await cookies()).set(ANONYMOUS_COOKIE, id, cookieOptions(ONE_YEAR));
  return id;
}
