import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi';
import {
  counterRedeemBodySchema,
  handoverPointsQuerySchema,
  ledgerQuerySchema,
  memberLookupBodySchema,
  saleBodySchema,
  saleItemsQuerySchema,
  saleQuoteBodySchema,
} from './schemas';

const tier = z.object({ id: z.enum(['MEMBER', 'SILVER', 'GOLD']), name: z.string() });
const summarySchema = z.object({
  memberId: z.string(),
  balance: z.number().int().describe('Spendable points'),
  balanceValueMinor: z.number().int().describe('What the spendable points are worth, in whole steps of 100 points = £1'),
  pending: z.number().int().describe('Points earned inside the 30-day return window'),
  pendingBatches: z.array(z.object({ points: z.number().int(), availableAt: z.string().describe('When they become spendable') })),
  tier: tier.extend({ multiplierPercent: z.number().int() }),
  spendMinor: z.number().int().describe('Merchandise spend over the last 12 months, which sets the tier'),
  nextTier: tier.extend({ remainingMinor: z.number().int() }).nullable(),
  nextExpiry: z.object({ points: z.number().int(), expiresAt: z.string() }).nullable(),
});
const entrySchema = z.object({
  id: z.string(),
  kind: z.enum(['EARN', 'REDEEM', 'HOLD', 'RELEASE', 'REVERSAL', 'EXPIRE', 'ADJUST']),
  points: z.number().int().describe('Signed change to balance + pending'),
  pendingPoints: z.number().int().describe('The part of it that is pending'),
  channel: z.enum(['ONLINE', 'IN_STORE']),
  storeId: z.string().nullable(),
  storeName: z.string().nullable(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  note: z.string().nullable(),
  shortfall: z.number().int(),
  createdAt: z.string(),
});
const memberSchema = z.object({
  memberId: z.string(),
  name: z.string().nullable(),
  balance: z.number().int(),
  pending: z.number().int(),
  tier,
  nextTier: z.object({ name: z.string(), remainingMinor: z.number().int() }).nullable(),
});
const saleSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  totalMinor: z.number().int().describe('What was paid, after points'),
  pointsRedeemed: z.number().int(),
  pointsDiscountMinor: z.number().int(),
  pointsEarned: z.number().int().describe('Pending for the return window'),
  repeated: z.boolean(),
});
const quoteSchema = z.object({
  lines: z.array(
    z.object({
      variantId: z.string(),
      sku: z.string(),
      name: z.string(),
      unitPriceMinor: z.number().int(),
      quantity: z.number().int(),
      lineTotalMinor: z.number().int(),
      onShelf: z.number().int().describe('On this store’s shelf and not held for other orders'),
    }),
  ),
  currency: z.string(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int().describe('VAT included in the prices'),
  pointsRedeemed: z.number().int(),
  pointsDiscountMinor: z.number().int(),
  totalMinor: z.number().int(),
  member: z.object({ balance: z.number().int(), maxPoints: z.number().int() }).nullable(),
});
const saleItemSchema = z.object({
  variantId: z.string(),
  sku: z.string(),
  name: z.string(),
  priceMinor: z.number().int(),
  currency: z.string(),
  onShelf: z.number().int(),
});
const handoverPointsSchema = z.object({
  member: z.object({ memberId: z.string(), balance: z.number().int(), pending: z.number().int(), tier: z.string() }).nullable(),
  currency: z.string(),
  dueMinor: z.number().int().describe('What is due at the counter now, before points (0 when paid)'),
  maxPoints: z.number().int().describe('The most points that can come off it: steps of 100, half the goods, the balance'),
  refusal: z.string().nullable().describe('Why no points can come off this order (paid, a guest’s, points already used)'),
  quote: z.object({ points: z.number().int(), pointsDiscountMinor: z.number().int(), dueMinor: z.number().int() }).nullable(),
});
const signedIn = { 401: { description: 'Not signed in' } };
const staffOnly = {
  401: { description: 'Not signed in' },
  403: { description: 'Signed in as a customer, or not (or no longer) assigned to this store; or a cross-site write' },
};

export const loyaltyOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/loyalty',
    summary:
      "The signed-in member's own Northwind Rewards account: spendable balance, pending points and when they become spendable, tier and what is left to the next, next expiry. Every signed-in shopper is a member",
    responses: { 200: { description: 'The member’s points', schema: summarySchema }, ...signedIn },
  },
  {
    method: 'get',
    path: '/api/v1/loyalty/ledger',
    summary:
      "The signed-in member's own ledger, newest first, 20 entries a page; pass `nextCursor` as `cursor` for the next page (null on the last). A cursor that is not one of the caller's entries gives nothing",
    query: ledgerQuerySchema,
    responses: {
      200: { description: 'One page of entries', schema: z.object({ entries: z.array(entrySchema), nextCursor: z.string().nullable() }) },
      400: { description: 'Bad cursor' },
      ...signedIn,
    },
  },
  {
    method: 'post',
    path: '/api/v1/loyalty/confirm-code',
    summary:
      'A new one-time code for the signed-in member to show at the counter: it lets an associate spend their points once, within 2 minutes. A wrong code typed at the counter voids it',
    responses: { 201: { description: 'The code', schema: z.object({ code: z.string(), expiresAt: z.string() }) }, ...signedIn },
  },
  {
    method: 'post',
    path: '/api/v1/staff/members/lookup',
    summary:
      "The member behind a member card (`token`: the QR code's signed, dated token, or the card's 12-character short code typed, dashes optional), for an associate of `storeId`; audited. Neither is the user id; both rotate each time the card is shown and last a day",
    body: memberLookupBodySchema,
    responses: {
      200: { description: 'The member', schema: z.object({ member: memberSchema }) },
      400: { description: 'Bad input, or a forged or out-of-date card' },
      ...staffOnly,
      404: { description: 'No such member' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/staff/members/{memberId}/redeem',
    summary:
      "Spend a member's points at the counter (channel IN_STORE, store and associate recorded, audited) with the one-time code from the member's own phone. With `orderId` (the member's pay-at-pickup order at this store, not paid yet) the points come off what is due at handover, up to half the goods. A repeated `idempotencyKey` spends nothing more",
    body: counterRedeemBodySchema,
    responses: {
      201: {
        description: 'Spent',
        schema: z.object({
          redemption: z.object({
            balance: z.number().int(),
            pointsDiscountMinor: z.number().int(),
            orderTotalMinor: z.number().int().nullable(),
            repeated: z.boolean(),
          }),
        }),
      },
      200: { description: 'A repeat of a redemption already recorded' },
      400: { description: 'Bad input (points not in steps of 100, over the order’s cap)' },
      ...staffOnly,
      404: { description: 'No such member, or no such order of theirs at this store' },
      409: { description: 'Not enough points' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/staff/orders/{id}/points',
    summary:
      "For the pickup counter: the member behind a pickup order at one of the associate's stores, their points, the most that can come off what is due, and with `points` what is then due (priced by the server; writes nothing). The points are spent with the handover (POST /api/v1/staff/orders/{id}/handover, `redeem`)",
    query: handoverPointsQuerySchema,
    responses: {
      200: { description: 'The member and their points', schema: z.object({ points: handoverPointsSchema }) },
      400: { description: 'Points not in steps of 100 or over half the goods (`points_over_cap`)' },
      ...staffOnly,
      404: { description: "No such pickup order at the caller's stores" },
      409: { description: 'More points than the member has (`insufficient_points`)' },
      422: { description: 'Points asked for on an order that cannot take them (`points_not_allowed`)' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/staff/stores/{storeId}/sales',
    summary:
      "Record a sale at the till: an order with channel IN_STORE, paid (card or cash, the exact total) and completed at once, its stock taken from this store; with a member card's token (or short code) it is the member's order and earns their points (pending for the return window). With `redeem` the member's points come off this sale's total in the same transaction (steps of 100 = £1, up to half the goods, with the one-time code from the member's phone): `payment.amountMinor` is then the total after points; a wrong code, too few points or an empty shelf records nothing (a wrong code is voided). Prices come from the database. A repeated `idempotencyKey` answers with the same sale",
    body: saleBodySchema,
    responses: {
      201: { description: 'The sale', schema: z.object({ sale: saleSchema }) },
      200: { description: 'A repeat of a sale already recorded' },
      400: {
        description:
          'Bad input, an unknown item, a payment that is not the total (`payment_mismatch`, with `amountMinor`), a bad member card, points not in steps of 100 or over half the goods (`points_over_cap`), points without a member card (`member_required`)',
      },
      ...staffOnly,
      403: { description: 'Not staff of this store, or a wrong or expired confirmation code (`wrong_confirm_code`)' },
      409: { description: 'Not enough on the shelf (`out_of_stock`, with `variantId` and `available`), or not enough points' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/staff/stores/{storeId}/sales/quote',
    summary:
      "Price a sale being built at the till: each line at the database's price with what this store has on its shelf, the totals, and with `points` the points discount; with a member card's token, the member's balance and the most points this sale may take. Writes nothing",
    body: saleQuoteBodySchema,
    responses: {
      200: { description: 'The quote', schema: z.object({ quote: quoteSchema }) },
      400: { description: 'Bad input, an unknown item, a bad member card, points not in steps of 100 or over half the goods' },
      ...staffOnly,
    },
  },
  {
    method: 'get',
    path: '/api/v1/staff/stores/{storeId}/items',
    summary:
      "Items to add to a sale at the till: the variant whose SKU is `q` (as typed or sent by a barcode scanner), else the shop's search over what this store stocks; each with its price and what is on this store's shelf",
    query: saleItemsQuerySchema,
    responses: {
      200: { description: 'Up to 30 items', schema: z.object({ items: z.array(saleItemSchema) }) },
      400: { description: 'No search text' },
      ...staffOnly,
    },
  },
];
