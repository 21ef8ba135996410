import { z } from 'zod';
import { rowId, text } from '@/lib/validation/text';

// The loyalty API's input (lib/loyalty/openapi.ts describes the answers).
const storeId = rowId('Not a store id');
const idempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'Use 8–200 visible ASCII characters');
const points = z.number().int().min(100).max(10_000_000).multipleOf(100, 'Points are used in steps of 100');

const confirmCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Type the 6-digit code on the shopper’s phone');

export const ledgerQuerySchema = z.object({ cursor: rowId('Not a cursor').optional() });

export const memberLookupBodySchema = z.object({
  storeId,
  token: text().min(10, 'Scan or type the code on the member card').max(400),
});

export const memberParamsSchema = z.object({ memberId: rowId('Not a member id') });

export const counterRedeemBodySchema = z.object({
  storeId,
  points,
  confirmCode,
  orderId: rowId('Not an order id').nullish(),
  idempotencyKey,
});

// Points spent at the pickup counter, sent with the handover (lib/pickup/schemas.ts), and the handover form's question
// of what they take off: GET /api/v1/staff/orders/{id}/points?points=.
export const handoverRedeemSchema = z.object({ points, confirmCode }).strict();
export const attemptKeySchema = idempotencyKey;
export const handoverPointsQuerySchema = z.object({
  points: z.coerce.number().int().min(0).max(10_000_000).multipleOf(100, 'Points are used in steps of 100').optional(),
});

export const saleParamsSchema = z.object({ storeId });

const saleLines = z
  .array(z.object({ variantId: rowId('Not a variant id'), quantity: z.number().int().min(1).max(99) }))
  .min(1, 'Add an item')
  .max(50);

export const saleBodySchema = z
  .object({
    lines: saleLines,
    memberToken: text().max(400).nullish(),
    // Points spent on this sale, in the same request: off its total, with the member's one-time code.
    redeem: z.object({ points, confirmCode }).nullish(),
    payment: z.object({ method: z.enum(['card', 'cash']), amountMinor: z.number().int().min(0).max(100_000_000) }),
    idempotencyKey,
  })
  .refine((v) => !v.redeem || v.memberToken, { message: 'Scan the member’s card to spend their points', path: ['memberToken'] });

export const saleQuoteBodySchema = z.object({
  lines: saleLines,
  memberToken: text().max(400).nullish(),
  points: z.number().int().min(0).max(10_000_000).multipleOf(100, 'Points are used in steps of 100').optional(),
});

export const saleItemsQuerySchema = z.object({ q: text().min(1, 'Type a name or a SKU').max(100) });
