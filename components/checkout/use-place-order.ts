'use client';

import { useRef, useState } from 'react';
import type { ShortLine } from '@/lib/inventory/errors';
import { newIdempotencyKey, submitCheckout, type PlacedOrder } from './checkout-client';
import { fieldId, type FieldErrors } from './field-ids';

// Places the order (the server reads the bag and prices it) and keeps what went wrong where the shopper can fix it:
// a message per bad field, the lines out of stock, and one message for the whole form.
export function usePlaceOrder() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [shortLines, setShortLines] = useState<ShortLine[]>([]);
  // The attempt in flight or last cut short: the same form sent again reuses its Idempotency-Key.
  const attempt = useRef<{ payload: string; key: string } | null>(null);

  function showIssues(issues: { path: string; message: string }[]) {
    const next: Record<string, string> = {};
    for (const issue of issues) next[issue.path] ??= issue.message;
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  // The placed order, or null after showing what went wrong.
  async function place(payload: object): Promise<PlacedOrder | null> {
    setFormError(null);
    setShortLines([]);
    const text = JSON.stringify(payload);
    if (attempt.current?.payload !== text) attempt.current = { payload: text, key: newIdempotencyKey() };
    // The server validates with the shared schema and names each bad field; zod stays out of the page's bundle.
    const result = await submitCheckout(payload, attempt.current.key);
    // Only an attempt that got no answer (offline, or the server failed) is retried under the same key.
    if (result.ok || (result.status >= 400 && result.status < 500)) attempt.current = null;
    setErrors({});
    if (result.ok) return result.data;
    if (result.code === 'out_of_stock') setShortLines(result.lines);
    else if (result.status === 400 && result.issues.length) showIssues(result.issues);
    setFormError(result.message);
    return null;
  }

  return { place, errors, formError, setFormError, shortLines, clearShortLines: () => setShortLines([]) };
}
