'use client';

import type { ShortLine } from '@/lib/inventory/errors';
import type { OrderLineSummary, OrderStatus } from '@/lib/orders/types';
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

export type ApiFailure = { ok: false; status: number; code: string; message: string; issues: { path: string; message: string }[]; lines: ShortLine[] };

const OFFLINE: ApiFailure = { ok: false, status: 0, code: 'network', message: 'We could not reach the shop. Check your connection and try again.', issues: [], lines: [] };

async function post<T>(url: string, body: unknown): Promise<{ ok: true; data: T } | ApiFailure> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch (error) {
    console.error('Checkout request failed', error);
    return OFFLINE;
  }
  const json = (await response.json().catch(() => null)) as (T & { error?: Partial<Omit<ApiFailure, 'ok' | 'status'>> }) | null;
  if (response.ok && json) return { ok: true, data: json };
  const error = json?.error;
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? 'internal',
    message: error?.message ?? 'Something went wrong. Nothing was charged; please try again.',
    issues: error?.issues ?? [],
    lines: error?.lines ?? [],
  };
}

export function submitCheckout(body: unknown) {
  return post<PlacedOrder>('/api/v1/checkout', body);
}

export function sendDemoOutcome(orderId: string, outcome: DemoOutcome) {
  return post<{ orderId: string; status: OrderStatus | 'requires_action'; changed: boolean }>('/api/v1/checkout/demo-payment', { orderId, outcome });
}
