import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';

// Sign-in and sign-out through Auth.js's own endpoints (the route handlers the app serves at /api/auth), then the
// session cookie checked the way every page and API call checks it.
const { db } = await import('../helpers/db').then((m) => m.createTestDatabase());
const { handlers } = await import('@/lib/auth/config');
const { hashPassword } = await import('@/lib/auth/password');
const { userFromSessionToken } = await import('@/lib/auth/session');
const { changePassword, setUserRole } = await import('@/lib/auth/users');

const ORIGIN = 'http://localhost:3000';
const SESSION = 'authjs.session-token';
type Jar = Map<string, string>;

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}

async function call(jar: Jar, method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
  const request = new NextRequest(`${ORIGIN}/api/auth/${path}`, {
    method,
    headers: {
      cookie: cookieHeader(jar),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      'x-forwarded-for': '198.51.100.20',
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const response = await (method === 'GET' ? handlers.GET : handlers.POST)(request);
  keep(jar, response);
  return response;
}

async function signIn(email: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const { csrfToken } = (await (await call(jar, 'GET', 'csrf')).json()) as { csrfToken: string };
  await call(jar, 'POST', 'callback/credentials', { csrfToken, email, password, callbackUrl: `${ORIGIN}/account` });
  expect(jar.get(SESSION), `signed in as ${email}`).toBeTruthy();
  return jar;
}

async function signOut(jar: Jar) {
  const { csrfToken } = (await (await call(jar, 'GET', 'csrf')).json()) as { csrfToken: string };
  await call(jar, 'POST', 'signout', { csrfToken, callbackUrl: ORIGIN });
}

const userOf = (token: string | undefined) => userFromSessionToken(token ?? '', SESSION);

beforeAll(async () => {
  const passwordHash = await hashPassword('shopper-demo-1');
  for (const email of ['sam@example.com', 'pat@example.com', 'robin@example.com'])
    await db.user.create({ data: { email, passwordHash, emailVerified: new Date() } });
});

describe('server-side sessions', () => {
  it('refuses a session cookie copied before sign-out, and keeps the other devices signed in', async () => {
    const laptop = await signIn('sam@example.com', 'shopper-demo-1');
    const phone = await signIn('sam@example.com', 'shopper-demo-1');
    const copied = laptop.get(SESSION);
    expect((await userOf(copied))?.email).toBe('sam@example.com');

    await signOut(laptop);
    expect(laptop.get(SESSION)).toBeUndefined();
    expect(await userOf(copied)).toBeNull();
    expect((await userOf(phone.get(SESSION)))?.email).toBe('sam@example.com');
    // Auth.js's own session endpoint refuses it too.
    const session = await (await call(new Map([[SESSION, copied!]]), 'GET', 'session')).json();
    expect(session).toBeNull();
  });

  it('ends the other sessions when the password changes, and keeps the one that changed it', async () => {
    const here = await signIn('pat@example.com', 'shopper-demo-1');
    const elsewhere = await signIn('pat@example.com', 'shopper-demo-1');
    const me = (await userOf(here.get(SESSION)))!;
    expect(await changePassword(me, { currentPassword: 'wrong', newPassword: 'a-new-password-1' })).toBe(false);
    expect(await userOf(elsewhere.get(SESSION))).not.toBeNull();

    expect(await changePassword(me, { currentPassword: 'shopper-demo-1', newPassword: 'a-new-password-1' })).toBe(true);
    expect(await userOf(elsewhere.get(SESSION))).toBeNull();
    expect((await userOf(here.get(SESSION)))?.email).toBe('pat@example.com');
    await signIn('pat@example.com', 'a-new-password-1');
  });

  it('ends every session of a user whose role changes', async () => {
    const jar = await signIn('robin@example.com', 'shopper-demo-1');
    expect((await userOf(jar.get(SESSION)))?.role).toBe('CUSTOMER');
    await setUserRole((await userOf(jar.get(SESSION)))!.id, 'STAFF');
    expect(await userOf(jar.get(SESSION))).toBeNull();
    const again = await signIn('robin@example.com', 'shopper-demo-1');
    expect((await userOf(again.get(SESSION)))?.role).toBe('STAFF');
  });
});
