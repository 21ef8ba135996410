import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { authSecret } from '@/lib/auth/secret';
import { cookieOptions } from '@/lib/auth/cookie-options';

// The device that placed an order keeps a receipt for it in a sealed (AES-256-GCM), httpOnly cookie: it lets a
// guest see and manage their own order, and it carries the pickup code. A device that found the order by number and
// e-mail gets a receipt too, marked `placed: false`: it may look, not cancel (that takes a code e-mailed to the order).
const RECEIPTS_COOKIE = 'nw_receipts';
const MAX_RECEIPTS = 10;
const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

const receiptSchema = z.object({ id: z.string().min(1), code: z.string().nullable(), placed: z.boolean().optional() });
export type Receipt = z.infer<typeof receiptSchema>;

// Receipts written before `placed` existed: only a placing device ever had a code in its receipt.
export function placedHere(receipt: Receipt | null | undefined): boolean {
  return Boolean(receipt && (receipt.placed ?? receipt.code !== null));
}

function key(): Buffer {
  return createHash('sha256').update(`order-receipts:${authSecret()}`).digest();
}

function sealReceipts(receipts: readonly Receipt[]): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(receipts), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function unsealReceipts(sealed: string | undefined): Receipt[] {
  if (!sealed) return [];
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = z.array(receiptSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return []; // tampered with, or sealed with another secret
  }
}

export async function readReceipts(): Promise<Receipt[]> {
  return unsealReceipts((await cookies()).get(RECEIPTS_COOKIE)?.value);
}

export async function findReceipt(orderId: string): Promise<Receipt | null> {
  return (await readReceipts()).find((r) => r.id === orderId) ?? null;
}

// Call from a route handler or server action (cookies can only be set there). A newer receipt for the same
// order replaces the older one (e.g. a new pickup code); the oldest drop off past MAX_RECEIPTS.
export async function rememberReceipt(receipt: Receipt): Promise<void> {
  const jar = await cookies();
  const kept = unsealReceipts(jar.get(RECEIPTS_COOKIE)?.value).filter((r) => r.id !== receipt.id);
  jar.set(RECEIPTS_COOKIE, sealReceipts([receipt, ...kept].slice(0, MAX_RECEIPTS)), cookieOptions(MAX_AGE_SECONDS));
}
