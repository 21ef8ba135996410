import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi';
import {
  customerViewSchema,
  handoverBodySchema,
  pickBodySchema,
  queueQuerySchema,
  queueResponseSchema,
  staffOrderResponseSchema,
  substitutesQuerySchema,
  substitutesResponseSchema,
  substitutionAnswerResponseSchema,
  substitutionBodySchema,
} from './schemas';

const staffOnly = {
  401: { description: 'Not signed in' },
  403: { description: 'Signed in as a customer, or not (or no longer) assigned to this store; or a cross-site write' },
};
const notTheirs = { description: "No such pickup order at the caller's stores: another store's order is the same 404 as a missing one" };

export const pickupOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/staff/stores/{storeId}/pickups',
    summary:
      "The store's pickup queue for its associates (and admins), a page at a time: orders paid or confirmed and not yet collected, and those collected today, sorted by the promised ready-by time (Collected today: the latest first), with each tab's count. `status` picks one tab; `problems` is overdue against ready-by, short lines, ready for over 2 days, or locked after wrong codes. `limit` orders a page (10 unless given, at most 100); pass the answer's `nextCursor` as `cursor` for the next page (null on the last): each order shows once across the pages, whatever moves in between",
    query: queueQuerySchema,
    responses: {
      200: { description: 'One page of the queue', schema: queueResponseSchema },
      400: { description: 'Bad status, limit or cursor' },
      ...staffOnly,
      404: { description: 'No such store' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/staff/stores/{storeId}/events',
    summary:
      "Server-sent events for the store's queue: `pickup` with `{ type, orderId, status }` whenever one of its orders is placed, picked, ready, waited for or collected",
    responses: { 200: { description: 'text/event-stream' }, ...staffOnly },
  },
  {
    method: 'get',
    path: '/api/v1/staff/orders/{id}',
    summary:
      'One pickup order for the counter: shopper, lines with picture, colour/size, SKU and whether picked, payment due or paid, ready-by, who collected it',
    responses: { 200: { description: 'The order', schema: staffOrderResponseSchema }, ...staffOnly, 404: notTheirs },
  },
  {
    method: 'get',
    path: '/api/v1/staff/orders/{id}/customer',
    summary:
      "The order's shopper seen from the counter: contact details, their orders across channels with totals and status, open pickups. Only through an order at one of the caller's stores; every look-up is written to the audit log",
    responses: { 200: { description: 'The shopper', schema: z.object({ customer: customerViewSchema }) }, ...staffOnly, 404: notTheirs },
  },
  {
    method: 'post',
    path: '/api/v1/staff/orders/{id}/pick',
    summary:
      "Ticks lines as picked, marks them can't find (`short`: the order cannot be marked ready and shows under Problems until the line is found or the shopper has answered), or unticks them; the first tick moves the order from To pick to Picking. A short line may carry `substituteVariantId`, a variant with the line's quantity free at the store: it is held for the order, and the shopper is e-mailed to accept it or drop the line (a short line with no substitute asks them only to drop it) on their order page, within the store's answer time (`substitutionAnswerMinutes`, 120 unless set) after which the line is dropped. Picking the line again withdraws the question. Every step is audited",
    body: pickBodySchema,
    responses: {
      200: { description: 'The order after the change', schema: staffOrderResponseSchema },
      400: {
        description:
          'Bad body (a substitute on a line not marked short), or a line that is not on this order (`unknown_line`); nothing is written',
      },
      ...staffOnly,
      404: notTheirs,
      422: {
        description:
          "Not allowed from where the order stands (`invalid_transition`); a substitute not sold or without the line's quantity free at this store (`substitute_unavailable`); a line the shopper already answered about (`line_resolved`). Nothing is written",
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/staff/orders/{id}/ready',
    summary:
      'Every line picked: the order becomes READY_FOR_PICKUP and the shopper is e-mailed (once) the store, its hours today, the pickup code and its QR',
    responses: {
      200: { description: 'The order, ready', schema: staffOrderResponseSchema },
      ...staffOnly,
      404: notTheirs,
      422: {
        description:
          'A substitute still waiting for the shopper’s answer (`substitution_pending`), lines not picked yet (`not_all_picked`), or not allowed from where the order stands (`invalid_transition`)',
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/staff/orders/{id}/handover',
    summary:
      "Hands a ready order over: the shopper's pickup code, who collects it (the shopper or a named proxy) and, for a pay-at-pickup order, the payment taken for its exact total. The order becomes COMPLETED and its held stock a sale. A wrong code is refused and audited; the fifth wrong code in 15 minutes locks the order for 15 minutes. Of two handovers at once exactly one succeeds. With `redeem` (`points` in steps of 100 = £1, up to half the goods and the member's balance, and `confirmCode`, the one-time code on the member's phone) the member's points come off what is due in the same transaction (ledger entry REDEEM, channel IN_STORE, this store and associate): `payment.amountMinor` is then the total after points, and the order earns points on what was paid. A refused redemption writes nothing (a wrong confirmation code is voided). The same `idempotencyKey` sent again after the order was handed over with it is answered as done",
    body: handoverBodySchema,
    responses: {
      200: { description: 'The collected order', schema: staffOrderResponseSchema },
      400: { description: 'Bad body, points not in steps of 100 or over half the goods (`points_over_cap`); nothing is written' },
      ...staffOnly,
      403: { description: 'Not staff, or a wrong or expired confirmation code (`wrong_confirm_code`)' },
      404: notTheirs,
      409: { description: 'Already handed over (`already_collected`), or more points than the member has (`insufficient_points`)' },
      422: {
        description:
          'Wrong code (`wrong_code`, with `attemptsLeft`), payment missing, not the total or not due (`payment_required`, `payment_mismatch`, `payment_not_due`), points on an order that cannot take them (`points_not_allowed`: paid, a guest’s, points already used), or not ready (`invalid_transition`)',
      },
      429: { description: 'Locked after too many wrong codes (`code_locked`, with `retryAfterSeconds`)' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orders/{id}/arrived',
    summary:
      "\"I'm here\": the shopper (the order's owner or the device holding its receipt) is at the store's counter; the order moves to Waiting at the counter on every open queue of the store",
    responses: {
      200: {
        description: 'Waiting since',
        schema: z.object({ arrival: z.object({ status: z.literal('WAITING'), arrivedAt: z.string() }) }),
      },
      403: { description: 'Cross-site request refused' },
      404: { description: 'No such order, or not yours' },
      422: { description: 'Not ready to collect yet, already collected, or not a pickup order (`not_ready`)' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orders/{id}/substitutions/{lineId}',
    summary:
      "The shopper's answer about a line the store can't find (the order's owner or the device holding its receipt, as for \"I'm here\"). `accept: true` takes the substitute offered: the line becomes it, at no more than the line's price. `accept: false` drops the line. The totals and stock holds follow; for a paid order the difference is refunded through the payment provider, once per line (idempotency key `pickup-line-{lineId}-refund`); for pay at pickup the amount to take at the counter changes. An order left with no lines is cancelled. The same answer sent again is answered with what happened",
    body: substitutionBodySchema,
    responses: {
      200: { description: 'The line and the order after the answer', schema: substitutionAnswerResponseSchema },
      400: { description: 'Bad body; nothing is written' },
      403: { description: 'Cross-site request refused' },
      404: { description: 'No such order, or not yours (`order_not_found`); no question about that line (`substitution_not_found`)' },
      409: {
        description: 'Already answered the other way, or the time to answer passed (`substitution_answered`)',
      },
      422: { description: 'Accepting when no substitute was offered (`nothing_to_accept`)' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/staff/orders/{id}/substitutes',
    summary:
      "What the store can offer for a line it can't find: the same product in another size or colour first, then products the recommendations call similar; only variants with the line's quantity free at the order's store",
    query: substitutesQuerySchema,
    responses: {
      200: { description: 'The options', schema: substitutesResponseSchema },
      400: { description: 'A line that is not on this order (`unknown_line`)' },
      ...staffOnly,
      404: notTheirs,
    },
  },
];
