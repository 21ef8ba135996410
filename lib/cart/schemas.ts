import { z } from 'zod';
import { rowId } from '@/lib/validation/text';
import { MAX_LINE_QUANTITY } from './types';

// Quantities are whole numbers from 1 to MAX_LINE_QUANTITY; strings, fractions, zero and negatives are refused.
const quantitySchema = z
  .number({ error: 'quantity must be a number.' })
  .int('quantity must be a whole number.')
  .min(1, 'quantity must be at least 1.')
  .max(MAX_LINE_QUANTITY, `quantity can be at most ${MAX_LINE_QUANTITY}.`);

const variantIdSchema = rowId('variantId is not valid.');

const versionSchema = z.number().int().min(0).max(2_147_483_647);

// Unknown keys (a price, a total, a cart or user id) are dropped: the server decides all of them.
export const addLineSchema = z.object({ variantId: variantIdSchema, quantity: quantitySchema, version: versionSchema.optional() });
export const updateLineSchema = z.object({ quantity: quantitySchema, version: versionSchema.optional() });
export const lineParamsSchema = z.object({ variantId: variantIdSchema });
export const claimTransferSchema = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});

// `If-Match: "12"` (or W/"12") carries the cart version the client last saw.
export function parseIfMatch(header: string | null): number | undefined | 'invalid' {
  if (header === null) return undefined;
  const m = /^(?:W\/)?"?(\d{1,10})"?$/.exec(header.trim());
  if (!m) return 'invalid';
  const parsed = versionSchema.safeParse(Number(m[1]));
  return parsed.success ? parsed.data : 'invalid';
}
