import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi';
import { checkoutBodySchema, demoPaymentBodySchema, quoteBodySchema } from '@/lib/checkout/schemas';

const lineSchema = z.object({
  variantId: z.string().nullable(),
  name: z.string(),
  sku: z.string(),
  unitPriceMinor: z.number().int(),
  quantity: z.number().int(),
  lineTotalMinor: z.number().int(),
});
const paymentSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('STRIPE'), status: z.literal('requires_payment'), clientSecret: z.string(), paymentIntentId: z.string() }),
  z.object({
    provider: z.literal('DEMO'),
    status: z.literal('requires_payment'),
    outcomes: z.array(z.enum(['succeed', 'decline', 'requires_action'])),
  }),
  z.object({ provider: z.literal('PAY_AT_PICKUP'), status: z.literal('confirmed') }),
]);
const checkoutResponseSchema = z.object({
  order: z.object({
    id: z.string(),
    number: z.string(),
    status: z.string(),
    fulfilment: z.enum(['DELIVERY', 'PICKUP']),
    pickupLocationId: z.string().nullable(),
    currency: z.string(),
    subtotalMinor: z.number().int(),
    discountMinor: z.number().int(),
    discountCode: z.string().nullable(),
    pointsRedeemed: z.number().int().describe('Loyalty points used on the order (held until it is paid)'),
    pointsDiscountMinor: z.number().int(),
    shippingMinor: z.number().int(),
    taxMinor: z.number().int(),
    totalMinor: z.number().int(),
    holdExpiresAt: z.string().nullable().describe('When the stock hold runs out if the order is not paid'),
    lines: z.array(lineSchema),
  }),
  payment: paymentSchema,
  pickupCode: z.string().nullable(),
  confirmationUrl: z.string(),
});

const totalsSchema = z.object({
  currency: z.string(),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  discountCode: z.string().nullable(),
  pointsRedeemed: z.number().int(),
  pointsDiscountMinor: z.number().int(),
  shippingMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxInclusive: z.boolean(),
  taxLabel: z.string(),
  totalMinor: z.number().int(),
});
const quoteResponseSchema = z.object({
  totals: totalsSchema.nullable().describe('Null when none of the lines is sold'),
  discountError: z.object({ code: z.enum(['invalid_discount', 'discount_not_eligible']), message: z.string() }).nullable(),
  points: z
    .object({
      balance: z.number().int(),
      maxPoints: z.number().int().describe('The most points this order may use (steps of 100, up to half the goods)'),
    })
    .nullable()
    .describe('Signed in only'),
  pointsError: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('Why the points asked for are left out of the totals'),
  freeDeliveryFromMinor: z.number().int(),
});

export const checkoutOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/checkout',
    summary:
      "Place an order for the caller's own bag (guest cookie or signed-in shopper): stock is held at the pickup store or the warehouse, totals are computed by the server (any price or total in the body is ignored), and the payment is started. Sets the receipts cookie that opens /orders/{id}",
    headers: z.object({
      'Idempotency-Key': z
        .string()
        .optional()
        .describe(
          'One per checkout attempt (8–200 visible ASCII characters), sent again when the same attempt is retried: a repeat answers 200 with the order the attempt placed',
        ),
    }),
    body: checkoutBodySchema,
    responses: {
      200: {
        description: 'A repeat of an attempt (same Idempotency-Key, same bag): the order it placed, with `Idempotent-Replayed: true`',
        schema: checkoutResponseSchema,
      },
      201: { description: 'Order placed; pay with `payment` before `holdExpiresAt`', schema: checkoutResponseSchema },
      400: { description: 'Bad input or an empty bag; nothing is written' },
      403: { description: 'Cross-site request refused' },
      409: {
        description:
          "Not enough stock (`out_of_stock`, with `lines` and `issues` per short line: choose another store or delivery), a store without pickup, the bag changed while ordering (`cart_changed`), this version of the bag is already a confirmed or paid order (`already_placed`, with `orderId`), or the attempt's order was cancelled (`attempt_cancelled`)",
      },
      429: { description: 'Too many orders from this e-mail or address' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/checkout/quote',
    summary:
      "The totals for the lines the checkout page shows, priced by the server as placing the order would (prices from the database, the discount code's rules and limits for this shopper or e-mail). Writes nothing; placing the order prices it again",
    body: quoteBodySchema,
    responses: {
      200: { description: 'Totals, and why a code typed is left out of them', schema: quoteResponseSchema },
      400: { description: 'Bad input' },
      403: { description: 'Cross-site request refused' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/checkout/demo-payment',
    summary:
      "Demo payments only (no Stripe keys): the test sheet's outcome for an order of the caller's (signed-in owner or the device holding its receipt)",
    body: demoPaymentBodySchema,
    responses: {
      200: {
        description: 'The order status after the outcome',
        schema: z.object({ orderId: z.string(), status: z.string(), changed: z.boolean() }),
      },
      400: { description: 'Bad input; nothing is written' },
      404: { description: 'No such order for this caller' },
      409: { description: 'The hold expired (stock released), or demo payments are off' },
    },
  },
];
