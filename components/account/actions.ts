'use server';

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { action, userAction, type ActionState } from '@/lib/action';
import { MAGIC_LINK_MINUTES, signIn } from '@/lib/auth/config';
import { cookieOptions } from '@/lib/auth/cookie-options';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_SECONDS, deviceCookieValue } from '@/lib/auth/device';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { clientIp } from '@/lib/auth/request-ip';
import {
  addressIdSchema,
  addressSchema,
  magicLinkSchema,
  passwordChangeSchema,
  profileSchema,
  signInSchema,
  signUpSchema,
} from '@/lib/auth/schemas';
import { recordSignUp, signUpLinkPurpose } from '@/lib/auth/sign-up';
import { addAddress, changePassword, deleteAddress, setDefaultAddress, updateProfile } from '@/lib/auth/users';
import { env } from '@/lib/env';
import { describeRetry, rateLimitAll, type LimitName } from '@/lib/rate-limit';

const next = { callbackUrl: z.string().max(500).optional() };

const demoHint = () => (env.devMailEnabled ? ' (Demo mode: open /dev/mail to read it.)' : '');

// A one-time link by e-mail, within the per-address and per-IP limits (for a sign-up, the sign-up's own per-IP limit);
// `purpose` picks the e-mail's wording.
async function sendSignInLink(
  email: string,
  callbackUrl: string | undefined,
  purpose?: 'sign-up',
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const limit = await rateLimitAll([
    ['magicLinkEmail', email],
    ...(purpose ? [] : [['magicLinkIp', clientIp(await headers())] as [LimitName, string]]),
  ]);
  if (!limit.ok) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };
  await signIn(
    'email',
    { email, redirect: false, redirectTo: safeRedirectPath(callbackUrl) },
    purpose ? { purpose: signUpLinkPurpose(email) } : undefined,
  );
  return { ok: true };
}

// After too many attempts the password alone no longer signs in from a new device, right or wrong (the answer does
// not say which): the address gets a sign-in link instead, so whoever reads its mail gets in and a stranger does not.
async function lockedOut(email: string, callbackUrl?: string): Promise<ActionState> {
  const sent = await sendSignInLink(email, callbackUrl);
  const message = sent.ok
    ? `Too many sign-in attempts for this account. To keep it safe, we e-mailed a sign-in link to ${email}: it works once, within ${MAGIC_LINK_MINUTES} minutes.${demoHint()}`
    : `Too many sign-in attempts for this account. Use a sign-in link we e-mailed earlier, or try again in ${describeRetry(sent.retryAfterSeconds)}.`;
  return { ok: false, message, values: { email } };
}

// The form does a full page load to `redirectTo`, so the bag reloads and merges this device's guest cart. A device
// that signed in once keeps a cookie saying so: its own attempts are counted apart from a stranger's (lib/auth/device.ts).
export const signInWithPasswordAction = action(signInSchema.extend(next), async ({ email, password, callbackUrl }) => {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    if (error.code === 'account_locked') return lockedOut(email, callbackUrl);
    if (error.code === 'rate_limited')
      return {
        ok: false,
        message: 'Too many sign-in attempts from this network. Please wait 15 minutes and try again, or use an e-mail link.',
        values: { email },
      };
    const message =
      'That e-mail and password do not match an account. Check them and try again. (A new account works once you follow the link we e-mailed.)';
    return { ok: false, message, values: { email } };
  }
  const jar = await cookies();
  jar.set(DEVICE_COOKIE, deviceCookieValue(email, jar.get(DEVICE_COOKIE)?.value), cookieOptions(DEVICE_MAX_AGE_SECONDS));
  return { ok: true, redirectTo: safeRedirectPath(callbackUrl) };
});

// The same answer whether or not the address has an account (lib/auth/sign-up.ts): a new one is confirmed by the
// link, an existing one's owner is told someone tried and gets a sign-in link.
export const signUpAction = action(signUpSchema.extend(next), async ({ name, email, password, callbackUrl }) => {
  const limit = await rateLimitAll([['signUpIp', clientIp(await headers())]]);
  if (!limit.ok)
    return { ok: false, message: `Too many new accounts from this network. Try again in ${describeRetry(limit.retryAfterSeconds)}.` };
  await recordSignUp({ name, email, password });
  const sent = await sendSignInLink(email, callbackUrl, 'sign-up');
  if (!sent.ok)
    return {
      ok: false,
      message: `Too many e-mails sent to this address. Try again in ${describeRetry(sent.retryAfterSeconds)}.`,
      values: { name, email },
    };
  return {
    ok: true,
    message: `Check your e-mail: we sent a link to ${email}. Follow it within ${MAGIC_LINK_MINUTES} minutes to finish and sign in.${demoHint()}`,
  };
});

export const sendMagicLinkAction = action(magicLinkSchema.extend(next), async ({ email, callbackUrl }) => {
  const sent = await sendSignInLink(email, callbackUrl);
  if (!sent.ok)
    return {
      ok: false,
      message: `Too many sign-in links requested. Try again in ${describeRetry(sent.retryAfterSeconds)}.`,
      values: { email },
    };
  return {
    ok: true,
    message: `Check your inbox: we sent a sign-in link to ${email}. It works once, within ${MAGIC_LINK_MINUTES} minutes.${demoHint()}`,
  };
});

// A new password signs the account out everywhere else (lib/auth/users.ts).
export const changePasswordAction = userAction(passwordChangeSchema, async (input, user) => {
  const limit = await rateLimitAll([['passwordChangeUser', user.id]]);
  if (!limit.ok) return { ok: false, message: `Too many attempts. Try again in ${describeRetry(limit.retryAfterSeconds)}.` };
  if (!(await changePassword(user, input)))
    return {
      ok: false,
      message: 'Your current password is not right.',
      fieldErrors: { currentPassword: ['Check your current password.'] },
    };
  revalidatePath('/account');
  return { ok: true, message: 'Your password is changed. Every other device signed in to your account has been signed out.' };
});

export const updateProfileAction = userAction(profileSchema, async (input, user) => {
  await updateProfile(user, input);
  revalidatePath('/account');
  return { ok: true, message: 'Your details are saved.' };
});

export const addAddressAction = userAction(addressSchema, async (input, user) => {
  await addAddress(user, input);
  revalidatePath('/account');
  return { ok: true, message: 'Address added.' };
});

export const deleteAddressAction = userAction(addressIdSchema, async ({ id }, user) => {
  const removed = await deleteAddress(user, id);
  revalidatePath('/account');
  return removed ? { ok: true, message: 'Address removed.' } : { ok: false, message: 'That address was not found.' };
});

export const setDefaultAddressAction = userAction(addressIdSchema, async ({ id }, user) => {
  const done = await setDefaultAddress(user, id);
  revalidatePath('/account');
  return done ? { ok: true, message: 'Default address updated.' } : { ok: false, message: 'That address was not found.' };
});

export const signInWithProviderAction = action(
  z.object({ provider: z.enum(['google', 'apple']), ...next }),
  async ({ provider, callbackUrl }) => {
    await signIn(provider, { redirectTo: safeRedirectPath(callbackUrl) });
  },
);
