import { randomInt } from 'node:crypto';
import type { Tx } from '@/lib/db/client';

const ORDER_NUMBER_PREFIX = 'NW-';

// Order numbers are random (a number must not tell how many orders there are, nor lead to the next shopper's):
// eight characters in two groups from an alphabet without 0/O and 1/I/L, read aloud and typed from an e-mail.
// 31⁸ ≈ 8.5 × 10¹¹ numbers, so guessing one that exists, with its e-mail, is out of reach of the rate-limited lookup.
const ORDER_NUMBER_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUP = 4;

export function randomOrderNumber(): string {
  let body = '';
  for (let i = 0; i < GROUP * 2; i++) body += ORDER_NUMBER_ALPHABET[randomInt(ORDER_NUMBER_ALPHABET.length)];
  return `${ORDER_NUMBER_PREFIX}${body.slice(0, GROUP)}-${body.slice(GROUP)}`;
}

// What a shopper types into the lookup form, as stored: any case, spaces or dashes, with or without the prefix.
// Numbers from before they were random (NW-100612, imported history) keep working. Null for anything else.
export function normaliseOrderNumber(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('NW') ? compact.slice(2) : compact;
  if (/^\d{1,12}$/.test(body)) return `${ORDER_NUMBER_PREFIX}${body}`;
  const random = new RegExp(`^[${ORDER_NUMBER_ALPHABET}]{${GROUP * 2}}$`);
  return random.test(body) ? `${ORDER_NUMBER_PREFIX}${body.slice(0, GROUP)}-${body.slice(GROUP)}` : null;
}

// A number no order has. A clash is about one in 10¹¹ per order, so the first draw nearly always stands; the unique
// index on Order.number still guards the moment between this check and the insert.
export async function newOrderNumber(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = randomOrderNumber();
    const taken = await tx.order.findUnique({ where: { number }, select: { id: true } });
    if (!taken) return number;
  }
  throw new Error('Could not find a free order number in five draws.');
}
