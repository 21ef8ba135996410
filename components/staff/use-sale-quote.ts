'use client';

import { useEffect, useState } from 'react';
import { apiSend } from '@/lib/api/client';
import type { CounterLine, SaleQuote } from './counter-types';

type QuoteState = { quote: SaleQuote | null; loading: boolean; error: string | null };
type Answer = { key: string; quote: SaleQuote | null; error: string | null };

// The server's price for the sale as it stands, asked again whenever a line, the member or the points change (the
// previous question is cancelled). The page never adds up prices itself.
export function useSaleQuote(storeId: string, lines: CounterLine[], memberToken: string | null, points: number): QuoteState {
  const [answer, setAnswer] = useState<Answer>({ key: '', quote: null, error: null });
  const key = JSON.stringify([lines.map((l) => [l.variantId, l.quantity]), memberToken, points]);

  useEffect(() => {
    const [pairs, token, used] = JSON.parse(key) as [[string, number][], string | null, number];
    if (!pairs.length) return;
    const controller = new AbortController();
    void apiSend<{ quote: SaleQuote }>(
      'POST',
      `/api/v1/staff/stores/${storeId}/sales/quote`,
      { lines: pairs.map(([variantId, quantity]) => ({ variantId, quantity })), memberToken: token, points: used },
      { signal: controller.signal },
    ).then((res) => {
      if (controller.signal.aborted) return;
      if (res.ok) setAnswer({ key, quote: res.data.quote, error: null });
      else setAnswer((a) => ({ key, quote: a.quote, error: res.issues[0]?.message ?? res.message }));
    });
    return () => controller.abort();
  }, [storeId, key]);

  if (!lines.length) return { quote: null, loading: false, error: null };
  const loading = answer.key !== key;
  return { quote: answer.quote, loading, error: loading ? null : answer.error };
}
