'use client';

import { useEffect, useRef, useState } from 'react';
import type { Quote } from '@/lib/checkout/quote';
import { fetchQuote, type QuoteRequest } from './checkout-client';

const TYPING_PAUSE_MS = 250;

// The totals the page shows, from the server (POST /api/v1/checkout/quote): the page never prices anything
// itself, so no discount rule reaches the browser. The quote the page was rendered with stands until what it
// was for changes; the last quote stays on screen while the next one loads, and an answer overtaken by a later
// request is dropped.
export function useQuote(
  request: QuoteRequest | null,
  initial: { request: QuoteRequest; quote: Quote } | null,
): { quote: Quote | null; loading: boolean } {
  const key = request ? JSON.stringify(request) : null;
  const initialKey = initial ? JSON.stringify(initial.request) : null;
  const [state, setState] = useState<{ key: string | null; quote: Quote | null }>({ key: initialKey, quote: initial?.quote ?? null });
  const latest = useRef(0);

  useEffect(() => {
    if (!key || key === state.key) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const result = await fetchQuote(JSON.parse(key) as QuoteRequest);
      if (ticket !== latest.current) return;
      // A failed quote keeps the last totals on screen; placing the order prices it in any case.
      setState((s) => ({ key, quote: result.ok ? result.data : s.quote }));
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key, state.key]);

  return { quote: key ? state.quote : null, loading: key !== state.key };
}

// What the quote is for: the lines on screen, how they reach the shopper and the code typed (with the e-mail, which
// decides a first-order or per-customer code, only once there is a code).
export function quoteRequest(
  lines: readonly { variantId: string; quantity: number }[],
  fulfilment: QuoteRequest['fulfilment'],
  code: string | null,
  email: string,
  points: number,
): QuoteRequest {
  return {
    lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    fulfilment,
    discountCode: code,
    email: code && email.includes('@') ? email.trim() : null,
    ...(points ? { points } : {}),
  };
}
