import 'server-only';
import { db } from '@/lib/db';
import { consumeBucket, type RateLimitResult } from '@/lib/rate-limit/bucket';

// The order pages' limits, counted in the same buckets as lib/rate-limit's.
const limits = {
  // Guest lookup: per e-mail stops guessing one shopper's order numbers; per IP stops sweeping many.
  orderLookupEmail: { limit: 10, windowSeconds: 15 * 60 },
  orderLookupIp: { limit: 30, windowSeconds: 15 * 60 },
  // "Send me a new pickup code": each send is an e-mail to the shopper.
  pickupCodeOrder: { limit: 3, windowSeconds: 60 * 60 },
  pickupCodeIp: { limit: 10, windowSeconds: 60 * 60 },
} as const;

export type OrderLimitName = keyof typeof limits;

// Every bucket is consumed (a refused attempt still counts) and the strictest answer wins.
export async function rateLimitOrders(checks: [OrderLimitName, string][]): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([name, subject]) => consumeBucket(db, `${name}:${subject.toLowerCase()}`, limits[name])));
  const refused = results.filter((r) => !r.ok).sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds);
  return refused[0] ?? results[0] ?? { ok: true, remaining: 0, retryAfterSeconds: 0 };
}
