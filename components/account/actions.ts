'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { action, userAction, type ActionState } from '@/lib/action';
import { signIn } from '@/lib/auth/config';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { clientIp } from '@/lib/auth/request-ip';
import { addressIdSchema, addressSchema, magicLinkSchema, profileSchema, signInSchema, signUpSchema } from '@/lib/auth/schemas';
import { addAddress, createUserWithPassword, deleteAddress, setDefaultAddress, updateProfile } from '@/lib/auth/users';
import { env } from '@/lib/env';
import { describeRetry, rateLimitAll } from '@/lib/rate-limit';

const next = { callbackUrl: z.string().max(500).optional() };

// The form does a full page load to `redirectTo`, so the bag reloads and merges this device's guest cart.
async function passwordSignIn(email: string, password: string, callbackUrl?: string): Promise<ActionState> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const message =
      error.code === 'rate_limited'
        ? 'Too many sign-in attempts. Please wait 15 minutes and try again, or use an e-mail link.'
        : 'That e-mail and password do not match an account. Check them and try again.';
    return { ok: false, message, values: { email } };
  }
  return { ok: true, redirectTo: safeRedirectPath(callbackUrl) };
}

export const signInWithPasswordAction = action(signInSchema.extend(next), async ({ email, password, callbackUrl }) =>
  passwordSignIn(email, password, callbackUrl),
);

export const signUpAction = action(signUpSchema.extend(next), async ({ name, email, password, callbackUrl }) => {
  const limit = await rateLimitAll([['signUpIp', clientIp(await headers())]]);
  if (!limit.ok) return { ok: false, message: `Too many new accounts from this network. Try again in ${describeRetry(limit.retryAfterSeconds)}.` };
  const created = await createUserWithPassword({ name, email, password });
  if (!created.ok) return { ok: false, message: 'An account with this e-mail already exists. Sign in instead.', values: { name, email } };
  return passwordSignIn(email, password, callbackUrl);
});

export const sendMagicLinkAction = action(magicLinkSchema.extend(next), async ({ email, callbackUrl }) => {
  const limit = await rateLimitAll([
    ['magicLinkEmail', email],
    ['magicLinkIp', clientIp(await headers())],
  ]);
  if (!limit.ok) return { ok: false, message: `Too many sign-in links requested. Try again in ${describeRetry(limit.retryAfterSeconds)}.`, values: { email } };
  await signIn('email', { email, redirect: false, redirectTo: safeRedirectPath(callbackUrl) });
  const demo = env.devMailEnabled ? ' (Demo mode: open /dev/mail to read it.)' : '';
  return { ok: true, message: `Check your inbox: we sent a sign-in link to ${email}. It works once, within 15 minutes.${demo}` };
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

export const signInWithProviderAction = action(z.object({ provider: z.enum(['google', 'apple']), ...next }), async ({ provider, callbackUrl }) => {
  await signIn(provider, { redirectTo: safeRedirectPath(callbackUrl) });
});
