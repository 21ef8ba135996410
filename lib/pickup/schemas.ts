import { z } from 'zod';
import { attemptKeySchema, handoverRedeemSchema } from '@/lib/loyalty/schemas';
import { contactMessagingSchema } from '@/lib/messaging/schemas';
import { rowId, text } from '@/lib/validation/text';
import { orderIdSchema } from '@/lib/orders/schemas';
import { QUEUE_MAX_LIMIT, QUEUE_PAGE_SIZE, QUEUE_TABS } from './queue-tabs';

// The staff pickup API's inputs and answers (app/api/v1/staff/**, POST /api/v1/orders/{id}/arrived).
const storeIdSchema = rowId('Not a store id');
export const storeParamsSchema = z.object({ storeId: storeIdSchema });
export const staffOrderParamsSchema = z.object({ id: orderIdSchema });
// Where the previous page ended: its last order's sort time (ms) and id (lib/pickup/queue-cursor.ts writes and reads it).
const queueCursorSchema = z.string().regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, 'Not a queue cursor');
export const queueQuerySchema = z.object({
  status: z.enum(QUEUE_TABS).optional(),
  cursor: queueCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(QUEUE_MAX_LIMIT).default(QUEUE_PAGE_SIZE),
});

// A "can't find" (short) line may carry the variant the associate offers instead, from the store's own stock.
export const pickBodySchema = z.object({
  lines: z
    .array(
      z
        .object({
          lineId: z.string().min(1).max(64),
          status: z.enum(['picked', 'short', 'unpicked']),
          substituteVariantId: rowId('Not a variant id').optional(),
        })
        .strict()
        .refine((l) => !l.substituteVariantId || l.status === 'short', {
          error: 'Only a line marked short can have a substitute.',
          path: ['substituteVariantId'],
        }),
    )
    .min(1)
    .max(200),
});
export type PickBody = z.infer<typeof pickBodySchema>;

export const handoverBodySchema = z
  .object({
    code: z.string().trim().min(4).max(20),
    collectedBy: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('shopper') }).strict(),
      z.object({ kind: z.literal('proxy'), name: text().min(1, 'Enter who is collecting').max(80) }).strict(),
    ]),
    payment: z
      .object({ method: z.enum(['card', 'cash']), amountMinor: z.number().int().min(0).max(100_000_000) })
      .strict()
      .optional(),
    // A member's points off what is due (pay at pickup), with the one-time code from their phone; `payment` is then
    // the total after points (lib/loyalty/handover.ts).
    redeem: handoverRedeemSchema.optional(),
    // One per attempt: the same handover sent again after a lost answer is answered as done, not refused.
    idempotencyKey: attemptKeySchema.optional(),
  })
  .strict();
export type HandoverBody = z.infer<typeof handoverBodySchema>;

const pickupStatusSchema = z.enum(['TO_PICK', 'PICKING', 'READY', 'WAITING', 'COLLECTED', 'NOT_COLLECTED', 'CANCELLED']);

const pickupCardSchema = z.object({
  id: z.string(),
  number: z.string(),
  storeId: z.string(),
  shopperName: z.string(),
  status: pickupStatusSchema,
  // The queue tabs it shows under: its status's tab, and Problems when overdue, short or locked.
  tabs: z.array(z.enum(QUEUE_TABS)),
  orderStatus: z.string(),
  placedAt: z.string(),
  readyBy: z.string().nullable(),
  overdue: z.boolean(),
  uncollected: z.boolean(),
  arrivedAt: z.string().nullable(),
  collectedAt: z.string().nullable(),
  collectedBy: z.object({ kind: z.enum(['shopper', 'proxy']), name: z.string().nullable() }).nullable(),
  payment: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('paid') }),
    z.object({ kind: z.literal('due'), amountMinor: z.number().int(), currency: z.string() }),
  ]),
  totalMinor: z.number().int(),
  currency: z.string(),
  lockedUntil: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sku: z.string(),
      size: z.string().nullable(),
      color: z.string().nullable(),
      quantity: z.number().int(),
      image: z.object({ url: z.string(), alt: z.string() }).nullable(),
      picked: z.enum(['PICKED', 'SHORT']).nullable(),
      // A "can't find" line's question to the shopper: what was offered (null: nothing) and where the answer stands.
      substitution: z
        .object({
          status: z.enum(['PROPOSED', 'ACCEPTED', 'DECLINED', 'EXPIRED']),
          substitute: z.object({ name: z.string(), sku: z.string() }).nullable(),
          askedAt: z.string().nullable(),
        })
        .nullable()
        .optional(),
    }),
  ),
});
export type PickupCard = z.infer<typeof pickupCardSchema>;

export const queueResponseSchema = z.object({
  store: z.object({ id: z.string(), name: z.string() }),
  tab: z.enum(QUEUE_TABS).nullable(),
  counts: z.record(z.enum(QUEUE_TABS), z.number().int()),
  orders: z.array(pickupCardSchema),
  // Pass as `cursor` for the next page; null on the last one.
  nextCursor: z.string().nullable(),
});
export type QueueResponse = z.infer<typeof queueResponseSchema>;

export const staffOrderResponseSchema = z.object({ order: pickupCardSchema });

const customerOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.string(),
  status: z.string(),
  fulfilment: z.string(),
  totalMinor: z.number().int(),
  currency: z.string(),
  placedAt: z.string(),
  store: z.string().nullable(),
});

export const customerViewSchema = z.object({
  contact: z.object({
    name: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    account: z.boolean(),
    since: z.string().nullable(),
  }),
  orderCount: z.number().int(),
  spentMinor: z.number().int(),
  orders: z.array(customerOrderSchema),
  openPickups: z.array(customerOrderSchema),
  // Northwind Rewards, for a shopper with an account (lib/loyalty).
  loyalty: z
    .object({
      memberId: z.string(),
      storeId: z.string(),
      balance: z.number().int(),
      pending: z.number().int(),
      tier: z.string(),
      redeemOrderId: z.string().nullable().describe('This order, when points can still come off what is due on it'),
    })
    .nullable()
    .optional(),
  // Their consent per channel and topic, and the latest messages sent to them (lib/messaging/contact.ts).
  messaging: contactMessagingSchema,
});
export type CustomerView = z.infer<typeof customerViewSchema>;

// The shopper's answer to a proposed substitute: POST /api/v1/orders/{id}/substitutions/{lineId}.
export const substitutionParamsSchema = z.object({ id: orderIdSchema, lineId: rowId('Not a line id') });
export const substitutionBodySchema = z.object({ accept: z.boolean() }).strict();

const substitutionLineSchema = z.object({
  lineId: z.string(),
  status: z.enum(['PROPOSED', 'ACCEPTED', 'DECLINED', 'EXPIRED']),
  original: z.object({ name: z.string(), sku: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int() }),
  substitute: z.object({ variantId: z.string(), name: z.string(), sku: z.string(), priceMinor: z.number().int() }).nullable(),
  // What the line costs the shopper if they accept: never more than the line they ordered.
  acceptPriceMinor: z.number().int().nullable(),
  answerBy: z.string().nullable(),
  refundMinor: z.number().int().nullable(),
});
export type SubstitutionLine = z.infer<typeof substitutionLineSchema>;

export const substitutionAnswerResponseSchema = z.object({
  substitution: substitutionLineSchema,
  order: z.object({ id: z.string(), status: z.string(), totalMinor: z.number().int(), currency: z.string() }),
});

// Candidates the chooser offers for a "can't find" line: GET /api/v1/staff/orders/{id}/substitutes?lineId=
export const substitutesQuerySchema = z.object({ lineId: rowId('Not a line id') });
const substituteOptionSchema = z.object({
  variantId: z.string(),
  name: z.string(),
  sku: z.string(),
  size: z.string().nullable(),
  color: z.string().nullable(),
  priceMinor: z.number().int(),
  currency: z.string(),
  available: z.number().int(),
  kind: z.enum(['same_product', 'similar']),
});
export type SubstituteOption = z.infer<typeof substituteOptionSchema>;
export const substitutesResponseSchema = z.object({ options: z.array(substituteOptionSchema) });

// A store's pickup settings, from the staff settings screen or PUT /api/v1/staff/stores/{storeId}/settings.
export const storeSettingsBodySchema = z
  .object({
    pickupHoldDays: z.coerce.number().int('Whole days only').min(1, 'At least 1 day').max(30, 'At most 30 days'),
    substitutionAnswerMinutes: z.coerce
      .number()
      .int('Whole minutes only')
      .min(5, 'At least 5 minutes')
      .max(10_080, 'At most 7 days (10080 minutes)'),
  })
  .strict();
export type StoreSettings = z.infer<typeof storeSettingsBodySchema>;
