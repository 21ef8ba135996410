import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { LinkEmailKind } from './emails';
import { hashPassword } from './password';
import { authSecret, signValue, unsignValue } from './secret';

// Sign-up answers "check your e-mail" whether or not the address has an account, so it cannot be used to find out.
// A new address gets an account that waits for its e-mail: the password chosen is kept aside and comes into use only
// when the link sent for this very sign-up is followed. An address that has an account is not touched; its owner is
// told by e-mail that someone tried, with a sign-in link.
export type SignUpOutcome = 'pending' | 'existing';

type Row = { passwordHash: string | null; emailVerified: Date | null; pendingPasswordHash: string | null };
// Never signed in: no password, no confirmed e-mail, only a sign-up waiting.
const isPending = (user: Row) => !user.passwordHash && !user.emailVerified && user.pendingPasswordHash !== null;
const fields = { passwordHash: true, emailVerified: true, pendingPasswordHash: true } as const;

export async function recordSignUp(input: { name: string; email: string; password: string }): Promise<SignUpOutcome> {
  // Hashed in every case, so both answers take as long.
  const pendingPasswordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: fields });
  if (existing && !isPending(existing)) return 'existing';
  const data = { name: input.name, pendingPasswordHash, pendingPasswordToken: null };
  if (existing) {
    await db.user.update({ where: { email: input.email }, data });
    return 'pending';
  }
  try {
    await db.user.create({ data: { email: input.email, ...data } });
    return 'pending';
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'existing';
    throw error;
  }
}

// The sign-up action asks Auth.js for its link with this signed purpose, so a POST straight to Auth.js cannot pass
// for a sign-up (whose per-IP limit the action has already counted) and skip the per-IP link limit.
export const signUpLinkPurpose = (email: string) => signValue(email, 'sign-up-link');
export const isSignUpLink = (purpose: string | null, email: string) => unsignValue(purpose ?? undefined, 'sign-up-link') === email;

// Which e-mail a sign-in link goes out in (called where Auth.js sends it). For a waiting sign-up, the link's token is
// recorded as Auth.js will store it, so that link and no other turns the kept password on.
export async function prepareLinkEmail(email: string, purpose: string | null, token: string): Promise<LinkEmailKind> {
  if (!isSignUpLink(purpose, email)) return 'sign-in';
  const user = await db.user.findUnique({ where: { email }, select: fields });
  if (!user || !isPending(user)) return 'existing-account';
  await db.user.update({ where: { email }, data: { pendingPasswordToken: verificationTokenHash(token) } });
  return 'confirm-sign-up';
}

// Called as Auth.js uses up a link's token (the adapter's useVerificationToken gets the stored hash).
export async function confirmSignUp(email: string, tokenHash: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "User" SET "passwordHash" = "pendingPasswordHash", "pendingPasswordHash" = NULL, "pendingPasswordToken" = NULL
    WHERE "email" = ${email} AND "passwordHash" IS NULL AND "pendingPasswordToken" = ${tokenHash}`;
  return updated > 0;
}

// @auth/core stores sha256(token + secret) as hex (lib/utils/web.js createHash).
function verificationTokenHash(token: string): string {
  return createHash('sha256').update(`${token}${authSecret()}`).digest('hex');
}
