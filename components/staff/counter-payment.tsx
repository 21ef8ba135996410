'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { apiSend } from '@/lib/api/client';
import { formatMoney } from '@/lib/utils';
import { newAttemptKey, type CounterLine, type CounterMember, type RecordedSale, type SaleQuote } from './counter-types';

// Step 3: points (with the member's one-time code from their own phone) and the payment taken at the till, then the
// sale is recorded in one request. The amount sent is the server's own total; the server prices it all again and
// refuses a sale whose total moved meanwhile.
export function CounterPayment({
  storeId,
  lines,
  member,
  quote,
  points,
  onPoints,
  ready,
  onRecorded,
}: {
  storeId: string;
  lines: CounterLine[];
  member: CounterMember | null;
  quote: SaleQuote | null;
  points: number;
  onPoints: (points: number) => void;
  ready: boolean;
  onRecorded: (sale: RecordedSale) => void;
}) {
  const [pointsText, setPointsText] = useState(points ? String(points) : '');
  const [code, setCode] = useState('');
  const [method, setMethod] = useState<'card' | 'cash'>('card');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pointsOk, setPointsOk] = useState(true);
  // One key per attempt: a retry after a lost answer records the sale once.
  const [key, setKey] = useState(() => newAttemptKey('sale'));
  const maxPoints = quote?.member?.maxPoints ?? 0;

  // A number the programme refuses is said at once and blocks the sale until corrected (the last good one stays quoted).
  function choosePoints(text: string) {
    setPointsText(text);
    const n = Number(text);
    const problem =
      text !== '' && (!Number.isInteger(n) || n < 0 || n % 100 !== 0)
        ? 'Points are used in steps of 100.'
        : n > maxPoints
          ? `At most ${maxPoints.toLocaleString('en-GB')} points can be used on this sale.`
          : null;
    setPointsOk(!problem);
    setError(problem);
    if (!problem) onPoints(text === '' ? 0 : n);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!quote || !ready) return setError('Wait for the total, and check the items first.');
    if (!pointsOk) return setError('Correct the points first: steps of 100, up to what this sale allows.');
    if (points > 0 && !/^\d{6}$/.test(code.trim())) return setError('Type the 6-digit code on the shopper’s phone to spend their points.');
    setBusy(true);
    setError(null);
    const res = await apiSend<{ sale: RecordedSale }>('POST', `/api/v1/staff/stores/${storeId}/sales`, {
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      memberToken: member?.token ?? null,
      redeem: points > 0 ? { points, confirmCode: code.trim() } : null,
      payment: { method, amountMinor: quote.totalMinor },
      idempotencyKey: key,
    });
    setBusy(false);
    if (res.status !== 0) setKey(newAttemptKey('sale'));
    if (!res.ok) {
      if (res.code === 'wrong_confirm_code') setCode('');
      return setError(res.issues[0]?.message ?? res.message);
    }
    onRecorded(res.data.sale);
  }

  const total = quote ? formatMoney(quote.totalMinor, quote.currency) : '…';
  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-3 rounded border border-border p-4"
      aria-labelledby="counter-pay-heading"
      noValidate
    >
      <h2 id="counter-pay-heading" className="text-lg font-semibold">
        Points and payment
      </h2>
      {member && (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">Spend points (up to {maxPoints.toLocaleString('en-GB')} on this sale)</legend>
          <div className="flex flex-wrap gap-3">
            <label className="flex flex-col text-sm">
              Points
              <input
                name="points"
                type="number"
                inputMode="numeric"
                min={0}
                step={100}
                max={maxPoints}
                aria-invalid={pointsOk ? undefined : true}
                value={pointsText}
                onChange={(e) => choosePoints(e.target.value)}
                className="min-h-11 w-32 rounded border border-border bg-surface px-2 text-base"
              />
            </label>
            {points > 0 && (
              <label className="flex flex-col text-sm">
                Shopper&rsquo;s code
                <input
                  name="confirmCode"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  className="min-h-11 w-32 rounded border border-border bg-surface px-2 font-mono text-base"
                />
              </label>
            )}
          </div>
          {points > 0 && (
            <p className="text-sm text-muted">The shopper taps “Spend points at the counter” on their phone and reads you the code.</p>
          )}
        </fieldset>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">Payment taken at the till</legend>
        <div className="flex gap-2">
          {(['card', 'cash'] as const).map((m) => (
            <label key={m} className="flex min-h-11 flex-1 items-center gap-2 rounded border border-border px-3">
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} className="size-5" />
              {m === 'card' ? 'Card' : 'Cash'}
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <Button type="submit" disabled={busy || !quote || !ready} className="w-full">
        {busy ? 'Recording…' : `Record ${total} paid by ${method}`}
      </Button>
    </form>
  );
}
