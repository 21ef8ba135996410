import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi';
import { addLineSchema, claimTransferSchema, updateLineSchema } from './schemas';

const moneySchema = z.object({ amountMinor: z.number().int(), currency: z.string(), formatted: z.string() });
const lineSchema = z.object({
  variantId: z.string(),
  productId: z.string(),
  productSlug: z.string(),
  productName: z.string(),
  variantLabel: z.string().nullable(),
  sku: z.string(),
  imageUrl: z.string().nullable(),
  imageAlt: z.string(),
  quantity: z.number().int(),
  sellable: z.number().int(),
  status: z.enum(['ok', 'limited', 'unavailable']),
  unitPrice: moneySchema,
  lineTotal: moneySchema,
});
const cartResponseSchema = z.object({
  cart: z.object({
    owner: z.enum(['user', 'guest']),
    exists: z.boolean(),
    version: z.number().int(),
    currency: z.string(),
    lines: z.array(lineSchema),
    itemCount: z.number().int(),
    subtotal: moneySchema,
    hasUnavailable: z.boolean(),
  }),
  notice: z.string().nullable(),
});

const errors = {
  400: { description: 'Bad input (quantity not an integer 1–99, malformed JSON, bad If-Match); nothing is written' },
  403: { description: 'Cross-site request refused' },
  404: { description: 'Unknown variant, or the line is not in this cart' },
  409: { description: 'Not enough stock, line limit reached, or a stale cart version (refetch and retry)' },
};

export const cartOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/cart',
    summary: "The caller's cart (guest cookie or signed-in shopper; merges a guest cart after sign-in)",
    responses: { 200: { description: 'The cart', schema: cartResponseSchema } },
  },
  {
    method: 'post',
    path: '/api/v1/cart/lines',
    summary: 'Add a variant (quantities are added; prices in the body are ignored; a stale version is retried on the server)',
    body: addLineSchema,
    responses: { 201: { description: 'The updated cart', schema: cartResponseSchema }, ...errors },
  },
  {
    method: 'patch',
    path: '/api/v1/cart/lines/{variantId}',
    summary: "Set a line's quantity. Send the cart version as If-Match (or body `version`); a stale one gets 409",
    body: updateLineSchema,
    responses: { 200: { description: 'The updated cart', schema: cartResponseSchema }, ...errors },
  },
  {
    method: 'delete',
    path: '/api/v1/cart/lines/{variantId}',
    summary: 'Remove a line (If-Match optional; a stale one gets 409)',
    responses: { 200: { description: 'The updated cart', schema: cartResponseSchema }, ...errors },
  },
  {
    method: 'get',
    path: '/api/v1/cart/events',
    summary:
      'Server-sent events: `event: cart` with `{ type, version }` on every change; `: ping` comments every 20 s; 204 when there is no cart to follow',
    responses: { 200: { description: 'text/event-stream' }, 204: { description: 'No cart yet' } },
  },
  {
    method: 'post',
    path: '/api/v1/cart/transfer',
    summary: 'Continue on another device: a single-use link (10 minutes) and its QR code as SVG, for a guest cart',
    responses: {
      201: { description: 'Link and QR code', schema: z.object({ url: z.string(), qrSvg: z.string(), expiresAt: z.string() }) },
      409: { description: 'No guest cart to transfer' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/cart/transfer/claim',
    summary: 'Use a transfer token: this device now holds the cart (merged into the account cart when signed in)',
    body: claimTransferSchema,
    responses: {
      200: { description: 'The cart', schema: cartResponseSchema },
      400: errors[400],
      410: { description: 'Expired or already used' },
    },
  },
];
