import 'server-only';
import { db } from '@/lib/db';
import { consumeBucket, consumeBuckets, type Bucket, type RateLimitResult } from './bucket';

export type { RateLimitResult } from './bucket';

// Limits for what can be guessed at or sends messages (sign-in, checkout, order pages). Counting per e-mail
// stops guessing one account's password; counting per IP stops one client spraying many accounts.
export const limits = {
  // From devices that never signed in to the account; a device that has is counted on its own (lib/auth/device.ts).
  signInEmail: { limit: 10, windowSeconds: 15 * 60 },
  signInDevice: { limit: 10, windowSeconds: 15 * 60 },
  signInIp: { limit: 60, windowSeconds: 15 * 60 },
  magicLinkEmail: { limit: 5, windowSeconds: 60 * 60 },
  magicLinkIp: { limit: 20, windowSeconds: 60 * 60 },
  // Checked again where Auth.js sends the link, for POSTs that bypass our form.
  magicLinkSendEmail: { limit: 8, windowSeconds: 60 * 60 },
  magicLinkSendIp: { limit: 30, windowSeconds: 60 * 60 },
  signUpIp: { limit: 50, windowSeconds: 60 * 60 },
  // Changing the password asks for the current one: a borrowed session cannot guess it.
  passwordChangeUser: { limit: 5, windowSeconds: 15 * 60 },
  // Placing orders sends confirmation e-mails to the address given.
  checkoutEmail: { limit: 20, windowSeconds: 60 * 60 },
  checkoutIp: { limit: 300, windowSeconds: 10 * 60 },
  // Guest order lookup: per e-mail stops guessing one shopper's order numbers; per IP stops sweeping many.
  orderLookupEmail: { limit: 10, windowSeconds: 15 * 60 },
  orderLookupIp: { limit: 30, windowSeconds: 15 * 60 },
  // "Send me a new pickup code": each send is an e-mail to the shopper.
  pickupCodeOrder: { limit: 3, windowSeconds: 60 * 60 },
  pickupCodeIp: { limit: 10, windowSeconds: 60 * 60 },
  // A code to cancel an order found by the guest lookup: each send is an e-mail to the order's address.
  cancelCodeOrder: { limit: 3, windowSeconds: 60 * 60 },
  cancelCodeIp: { limit: 10, windowSeconds: 60 * 60 },
} as const;

export type LimitName = keyof typeof limits;

export async function rateLimit(name: LimitName, subject: string): Promise<RateLimitResult> {
  return consumeBucket(db, `${name}:${subject.toLowerCase()}`, limits[name]);
}

// All buckets are consumed (so a refused attempt still counts), in one statement, and the strictest answer wins.
export async function rateLimitAll(checks: [LimitName, string][]): Promise<RateLimitResult> {
  return strictest(await consumeBuckets(db, limitBuckets(checks)));
}

// The buckets `checks` count in (for a statement that counts them itself: lib/checkout/checkout-read.ts).
export function limitBuckets(checks: readonly [LimitName, string][]): Bucket[] {
  return checks.map(([name, subject]) => ({ key: `${name}:${subject.toLowerCase()}`, ...limits[name] }));
}

// The answer to several buckets counted together: the refusal with the longest wait, else the first bucket's.
export function strictest(results: readonly RateLimitResult[]): RateLimitResult {
  const refused = results.filter((r) => !r.ok).sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds);
  return refused[0] ?? results[0] ?? { ok: true, remaining: 0, retryAfterSeconds: 0 };
}

export async function resetRateLimit(name: LimitName, subject: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: `${name}:${subject.toLowerCase()}` } });
}

export function describeRetry(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
