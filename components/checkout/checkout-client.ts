'use client';

import { apiSend, type ApiFailure as BaseApiFailure } from '@/lib/api/client';
import type { ShortLine } from '@/lib/inventory/errors';
import type { OrderLineSummary, OrderStatus } from '@/lib/orders/types';
import type { Quote } from '@/lib/checkout/quote';
import type { DemoOutcome, PaymentStart } from '@/lib/payments/provider';
import type { ReviewTotals } from './order-review';

// Talks to /api/v1/checkout for the checkout page and the bag's express button.
export type PlacedOrder = {
  order: ReviewTotals & {
    id: string;
    number: string;
    status: OrderStatus;
    fulfilment: 'DELIVERY' | 'PICKUP';
    holdExpiresAt: string | null;
    lines: OrderLineSummary[];
  };
  payment: PaymentStart;
  confirmationUrl: string;
};

export type ApiFailure = BaseApiFailure & { lines: ShortLine[] };

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ ok: true; data: T } | ApiFailure> {
  const result = await apiSend<T>('POST', url, body, { headers, fallback: 'Something went wrong. Nothing was charged; please try again.' });
  if (result.ok) return { ok: true, data: result.data };
  // Out of stock names the short lines, so the page can say which and offer another store or delivery.
  return { ...result, lines: Array.isArray(result.details.lines) ? (result.details.lines as ShortLine[]) : [] };
}

// `idempotencyKey`: the attempt's key; sending the same one again (a retry) answers with the order it placed.
export function submitCheckout(body: unknown, idempotencyKey?: string) {
  return post<PlacedOrder>('/api/v1/checkout', body, idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {});
}

export function sendDemoOutcome(orderId: string, outcome: DemoOutcome) {
  return post<{ orderId: string; status: OrderStatus | 'requires_action'; changed: boolean }>('/api/v1/checkout/demo-payment', {
    orderId,
    outcome,
  });
}

export type QuoteRequest = {
  lines: { variantId: string; quantity: number }[];
  fulfilment: 'DELIVERY' | 'PICKUP';
  discountCode: string | null;
  email: string | null;
  points?: number;
};

export function fetchQuote(body: QuoteRequest) {
  return post<Quote>('/api/v1/checkout/quote', body);
}

// One key per checkout attempt, made without crypto.randomUUID (which only exists on https or localhost).
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `chk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
