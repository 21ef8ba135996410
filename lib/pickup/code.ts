import 'server-only';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { normalisePickupCode } from './qr-payload';

// No 0/O, 1/I/L: the code is read aloud and typed at a counter.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const PICKUP_CODE_LENGTH = 6;

export function generatePickupCode(): string {
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

// The text rule lives with the QR payload's, which the browser's scanner shares.
export { normalisePickupCode };

// Only this keyed hash is stored, bound to the order so a code from one order never opens another.
export function hashPickupCode(orderId: string, code: string): string {
  return createHmac('sha256', authSecret())
    .update(`pickup-code:${orderId}:${normalisePickupCode(code)}`)
    .digest('hex');
}

export function pickupCodeMatches(orderId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashPickupCode(orderId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

function sealKey(): Buffer {
  return createHash('sha256').update(`pickup-code-seal:${authSecret()}`).digest();
}

// The code sealed (AES-256-GCM) for the order row, bound to the order: the confirmation e-mail can carry it whoever
// sends it (the Stripe webhook, the sweeper), and a repeated checkout answers with it. Opening it needs the same
// secret that keys the hash, so it tells someone holding only the database nothing the hash does not.
export function sealPickupCode(orderId: string, code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  cipher.setAAD(Buffer.from(orderId));
  const body = Buffer.concat([cipher.update(normalisePickupCode(code), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function unsealPickupCode(orderId: string, sealed: string | null | undefined): string | null {
  if (!sealed) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealKey(), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(orderId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

// The order's current code, if its sealed copy still matches the stored hash (a code replaced since is not returned).
export function currentPickupCode(order: { id: string; pickupCodeHash: string | null; pickupCodeSealed: string | null }): string | null {
  const code = unsealPickupCode(order.id, order.pickupCodeSealed);
  return code && order.pickupCodeHash && pickupCodeMatches(order.id, code, order.pickupCodeHash) ? code : null;
}

export async function verifyPickupCode(orderId: string, code: string): Promise<boolean> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { pickupCodeHash: true } });
  if (!order?.pickupCodeHash) return false;
  return pickupCodeMatches(orderId, code, order.pickupCodeHash);
}
