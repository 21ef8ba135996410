import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';

// Sign-up, sign-in links and the per-e-mail lock, through Auth.js's own endpoints and the real credentials check;
// e-mails are read from the outbox, as /dev/mail shows them.
const { db } = await import('../helpers/db').then((m) => m.createTestDatabase());
const { handlers } = await import('@/lib/auth/config');
const { AccountLockedSignIn, authorizeCredentials } = await import('@/lib/auth/credentials');
const { DEVICE_COOKIE, deviceCookieValue } = await import('@/lib/auth/device');
const { hashPassword } = await import('@/lib/auth/password');
const { recordSignUp, signUpLinkPurpose } = await import('@/lib/auth/sign-up');
const { env } = await import('@/lib/env');

type Jar = Map<string, string>;
function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

// A request as a client sends it to `origin`, with whatever Host and X-Forwarded-Host it likes.
async function call(jar: Jar, url: string, init: { form?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const request = new NextRequest(url, {
    method: init.form ? 'POST' : 'GET',
    headers: {
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...init.headers,
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  const response = await (init.form ? handlers.POST : handlers.GET)(request);
  keep(jar, response);
  return response;
}

// What the sign-in and sign-up forms do through signIn('email', …): ask Auth.js for a link.
async function requestLink(
  email: string,
  { origin = env.APP_URL, purpose, headers }: { origin?: string; purpose?: string; headers?: Record<string, string> } = {},
) {
  const jar: Jar = new Map();
  const base = origin.replace(/\/$/, '');
  const { csrfToken } = (await (await call(jar, `${base}/api/auth/csrf`, { headers })).json()) as { csrfToken: string };
  const query =
    purpose === 'sign-up' ? `?${new URLSearchParams({ purpose: signUpLinkPurpose(email) })}` : purpose ? `?purpose=${purpose}` : '';
  await call(jar, `${base}/api/auth/signin/email${query}`, { form: { csrfToken, email, callbackUrl: '/account' }, headers });
  const mail = await db.outboxMessage.findFirst({ where: { to: email }, orderBy: { createdAt: 'desc' } });
  expect(mail, `an e-mail to ${email}`).toBeTruthy();
  return { subject: mail!.subject, link: mail!.text.match(/https?:\/\/\S+/)![0] };
}

const attempt = (email: string, password: string, cookie?: string) =>
  authorizeCredentials({ email, password }, new Headers({ 'x-forwarded-for': '198.51.100.30', ...(cookie ? { cookie } : {}) }));

beforeAll(async () => {
  const passwordHash = await hashPassword('owner-password-1');
  await db.user.create({ data: { email: 'owner@example.com', name: 'Olive Owner', passwordHash, emailVerified: new Date() } });
  await db.user.create({ data: { email: 'locked@example.com', passwordHash, emailVerified: new Date() } });
});

describe('links in e-mails', () => {
  it('come from APP_URL, whatever host the request names', async () => {
    const { link } = await requestLink('owner@example.com', {
      origin: 'http://attacker.example',
      headers: { host: 'attacker.example', 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' },
    });
    expect(new URL(link).origin).toBe(new URL(env.APP_URL).origin);
    expect(link).not.toContain('attacker.example');
  });
});

describe('sign-up', () => {
  it('answers the same for a new address and one with an account; each gets its own e-mail', async () => {
    expect(await recordSignUp({ name: 'New', email: 'new@example.com', password: 'new-password-1' })).toBe('pending');
    expect(await recordSignUp({ name: 'Mallory', email: 'owner@example.com', password: 'mallory-password' })).toBe('existing');
    expect((await requestLink('new@example.com', { purpose: 'sign-up' })).subject).toMatch(/^Confirm your e-mail/);
    expect((await requestLink('owner@example.com', { purpose: 'sign-up' })).subject).toMatch(/^Someone tried to create/);
    // A purpose that the sign-up form did not sign is an ordinary sign-in link.
    expect((await requestLink('new@example.com', { purpose: 'sign-up.forged' })).subject).toMatch(/sign-in link/);
    // The owner's account is untouched: their password works, the stranger's does not.
    expect(await attempt('owner@example.com', 'mallory-password')).toBeNull();
    expect(await attempt('owner@example.com', 'owner-password-1')).toMatchObject({ email: 'owner@example.com' });
  });

  it('turns the chosen password on only through the link sent for that sign-up', async () => {
    await recordSignUp({ name: 'Nia', email: 'nia@example.com', password: 'nia-password-1' });
    const first = await requestLink('nia@example.com', { purpose: 'sign-up' });
    expect(await attempt('nia@example.com', 'nia-password-1')).toBeNull();
    // A second sign-up for the address before it is confirmed (perhaps not by its owner) replaces the first.
    await recordSignUp({ name: 'Nia', email: 'nia@example.com', password: 'nia-password-2' });
    const second = await requestLink('nia@example.com', { purpose: 'sign-up' });
    await call(new Map(), first.link);
    expect(await attempt('nia@example.com', 'nia-password-1')).toBeNull();
    expect(await attempt('nia@example.com', 'nia-password-2')).toBeNull();

    const jar: Jar = new Map();
    await call(jar, second.link);
    expect(jar.get('authjs.session-token')).toBeTruthy();
    expect(await attempt('nia@example.com', 'nia-password-2')).toMatchObject({ email: 'nia@example.com' });
    expect(await recordSignUp({ name: 'Again', email: 'nia@example.com', password: 'whatever-123' })).toBe('existing');
  });

  it('does not turn a waiting password on through an ordinary sign-in link', async () => {
    await recordSignUp({ name: 'Uma', email: 'uma@example.com', password: 'uma-password-1' });
    await requestLink('uma@example.com', { purpose: 'sign-up' });
    const plain = await requestLink('uma@example.com');
    expect(plain.subject).toMatch(/sign-in link/);
    await call(new Map(), plain.link);
    expect(await attempt('uma@example.com', 'uma-password-1')).toBeNull();
  });
});

describe('per-e-mail sign-in lock', () => {
  it('stops password guesses from new devices, but not the owner on a device that signed in before', async () => {
    const ownersDevice = `${DEVICE_COOKIE}=${encodeURIComponent(deviceCookieValue('locked@example.com'))}`;
    const otherAccountsDevice = `${DEVICE_COOKIE}=${encodeURIComponent(deviceCookieValue('owner@example.com'))}`;
    for (let i = 0; i < 10; i++) expect(await attempt('locked@example.com', `guess-${i}`)).toBeNull();
    // A stranger now gets no answer to the password at all, right or wrong.
    await expect(attempt('locked@example.com', 'owner-password-1')).rejects.toBeInstanceOf(AccountLockedSignIn);
    await expect(attempt('locked@example.com', 'owner-password-1', otherAccountsDevice)).rejects.toBeInstanceOf(AccountLockedSignIn);
    await expect(attempt('locked@example.com', 'owner-password-1', `${DEVICE_COOKIE}=forged.value`)).rejects.toBeInstanceOf(
      AccountLockedSignIn,
    );
    // The owner, on the device they signed in with before, is not locked out.
    expect(await attempt('locked@example.com', 'owner-password-1', ownersDevice)).toMatchObject({ email: 'locked@example.com' });
  });
});
