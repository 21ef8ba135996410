import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi';
import { cancelBodySchema } from '@/lib/orders/schemas';

const statusSchema = z.enum(['PENDING', 'CONFIRMED', 'PAID', 'READY_FOR_PICKUP', 'COMPLETED', 'CANCELLED']);

export const orderJsonSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: statusSchema,
  statusLabel: z.string(),
  cancellable: z.boolean(),
  email: z.string(),
  channel: z.string(),
  fulfilment: z.enum(['DELIVERY', 'PICKUP']),
  pickupLocationId: z.string().nullable(),
  shippingAddress: z.record(z.string(), z.unknown()).nullable(),
  paymentProvider: z.string().nullable(),
  currency: z.string(),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  discountCode: z.string().nullable(),
  shippingMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  placedAt: z.string(),
  paidAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  holdExpiresAt: z.string().nullable(),
  lines: z.array(
    z.object({
      variantId: z.string().nullable(),
      name: z.string(),
      sku: z.string(),
      unitPriceMinor: z.number().int(),
      quantity: z.number().int(),
      lineTotalMinor: z.number().int(),
    }),
  ),
});
const orderResponseSchema = z.object({ order: orderJsonSchema });
const cancelResponseSchema = z.object({
  order: orderJsonSchema,
  cancellation: z.object({
    previousStatus: statusSchema,
    releasedUnits: z.number().int(),
    restockedUnits: z.number().int(),
    refunded: z.boolean(),
  }),
});

const notFound = { description: "No such order, or not yours: another shopper's order is the same 404 as a missing one" };

export const orderOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/orders/{id}',
    summary:
      "One order (status, lines, totals, fulfilment) for its owner, the device holding its receipt (the guest's checkout or lookup), or staff of its pickup store",
    responses: { 200: { description: 'The order', schema: orderResponseSchema }, 404: notFound },
  },
  {
    method: 'post',
    path: '/api/v1/orders/{id}/cancel',
    summary:
      'Cancel before pickup or dispatch. Awaiting payment or pay at pickup: the stock hold is released. Paid: the stock goes back and the payment is refunded (Stripe, with an idempotency key). The owner, staff of its store and the device that placed it need no body; a device that found the order by number and e-mail sends `{ code }` from the e-mail that POST /api/v1/orders/{id}/cancel-code sends',
    body: cancelBodySchema,
    responses: {
      200: { description: 'The cancelled order and what was undone', schema: cancelResponseSchema },
      403: {
        description:
          'Cross-site request refused; or this device only looked the order up and sent no code (`cancel_code_required`) or a wrong, expired or overtried one (`cancel_code_invalid`)',
      },
      404: notFound,
      422: {
        description: 'Not cancellable now: already cancelled or collected (invalid_transition), or ready at the store (not_cancellable)',
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orders/{id}/cancel-code',
    summary:
      "E-mails a one-time 6-digit code to the order's address (works for 15 minutes and 5 tries, replaces any earlier one), for a device that found the order by number and e-mail and wants to cancel it",
    responses: {
      202: { description: 'Sent; `sentTo` is the address it went to', schema: z.object({ sentTo: z.string() }) },
      403: { description: 'Cross-site request refused' },
      404: notFound,
      422: { description: 'The order can no longer be cancelled online (`not_cancellable`)' },
      429: { description: 'Too many codes for this order (3 an hour) or from this client (10 an hour)' },
    },
  },
];
