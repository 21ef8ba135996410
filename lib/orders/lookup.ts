import 'server-only';
import { lookupOrderId } from '@/lib/orders/history';
import { rateLimitAll } from '@/lib/rate-limit';
import { findReceipt, rememberReceipt } from '@/lib/orders/receipts';

export type LookupResult =
  { ok: true; orderId: string } | { ok: false; reason: 'no_match' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

// A guest's lookup by order number and e-mail (call from a server action: a match puts a receipt without a code on
// this device, which lets it see the order; cancelling takes a code e-mailed to the order). A wrong number and a
// wrong e-mail are the same `no_match`.
export async function lookUpOrderForDevice({ number, email }: { number: string; email: string }, clientIp: string): Promise<LookupResult> {
  const limit = await rateLimitAll([
    ['orderLookupEmail', email],
    ['orderLookupIp', clientIp],
  ]);
  if (!limit.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  const orderId = await lookupOrderId({ number, email });
  if (!orderId) return { ok: false, reason: 'no_match' };
  // A receipt this device already has (with its pickup code) is worth more than a bare lookup.
  if (!(await findReceipt(orderId))) await rememberReceipt({ id: orderId, code: null, placed: false });
  return { ok: true, orderId };
}
