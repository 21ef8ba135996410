import 'server-only';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';

// No 0/O, 1/I/L: the code is read aloud and typed at a counter.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PICKUP_CODE_LENGTH = 6;

export function generatePickupCode(): string {
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function normalisePickupCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

// Only this keyed hash is stored, bound to the order so a code from one order never opens another.
export function hashPickupCode(orderId: string, code: string): string {
  return createHmac('sha256', authSecret()).update(`pickup-code:${orderId}:${normalisePickupCode(code)}`).digest('hex');
}

export function pickupCodeMatches(orderId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashPickupCode(orderId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export async function verifyPickupCode(orderId: string, code: string): Promise<boolean> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { pickupCodeHash: true } });
  if (!order?.pickupCodeHash) return false;
  return pickupCodeMatches(orderId, code, order.pickupCodeHash);
}
