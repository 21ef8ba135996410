'use client';

import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiGet } from '@/lib/api/client';
import type { HandoverPoints as PointsView } from '@/lib/loyalty/handover';
import { formatMoney } from '@/lib/utils';

// What the handover form sends and takes: the points with the shopper's code, and what is due after them (null while
// the server is pricing them or refused them, when the handover must wait).
export type PointsChoice = { redeem: { points: number; confirmCode: string } | null; dueMinor: number | null };

type Quote = { key: string; dueMinor: number | null; offMinor: number; message: string | null };

// The member's points at the pickup counter, opened on request: their balance and the most this order can take, from
// the server. The associate types the points and the code the shopper shows on their own phone; the server prices
// them (nothing here adds up money), and the handover spends them with the payment, in one step.
export function HandoverPoints({ orderId, onChange }: { orderId: string; onChange: (choice: PointsChoice) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<PointsView | null>(null);
  const [error, setError] = useState<string>();
  const [points, setPoints] = useState('');
  const [code, setCode] = useState('');
  const [quote, setQuote] = useState<Quote>({ key: '', dueMinor: null, offMinor: 0, message: null });
  const used = Number(points) || 0;
  const key = `${used}`;

  async function show() {
    setOpen(true);
    const res = await apiGet<{ points: PointsView }>(`/api/v1/staff/orders/${orderId}/points`, { cache: 'no-store' });
    if (!res.ok) return setError(res.message);
    setView(res.data.points);
  }

  // The server's price for the points typed, asked again whenever they change (the previous question cancelled).
  useEffect(() => {
    if (!view || !used) return;
    const controller = new AbortController();
    void apiGet<{ points: PointsView }>(`/api/v1/staff/orders/${orderId}/points?points=${used}`, {
      cache: 'no-store',
      signal: controller.signal,
    }).then((res) => {
      if (controller.signal.aborted) return;
      const priced = res.ok ? res.data.points.quote : null;
      if (priced) setQuote({ key: `${used}`, dueMinor: priced.dueMinor, offMinor: priced.pointsDiscountMinor, message: null });
      else setQuote({ key: `${used}`, dueMinor: null, offMinor: 0, message: res.ok ? null : (res.issues[0]?.message ?? res.message) });
    });
    return () => controller.abort();
  }, [orderId, view, used]);

  const priced = used && quote.key === key ? quote : null;
  useEffect(() => {
    if (!view) return;
    if (!used) onChange({ redeem: null, dueMinor: view.dueMinor });
    else onChange({ redeem: { points: used, confirmCode: code.trim() }, dueMinor: priced?.dueMinor ?? null });
  }, [view, used, code, priced?.dueMinor, onChange]);

  if (!open)
    return (
      <Button variant="ghost" className="self-start px-0 underline" aria-expanded={false} onClick={() => void show()}>
        Use Rewards points
      </Button>
    );
  if (error) return <FormMessage state={{ ok: false, message: error }} />;
  if (!view) return <p className="text-sm text-muted">Looking up the shopper’s points…</p>;
  const money = (minor: number) => formatMoney(minor, view.currency);
  return (
    <fieldset className="flex flex-col gap-2" data-testid="handover-points">
      <legend className="font-medium">Rewards points</legend>
      {view.member && (
        <p className="text-sm" data-testid="handover-points-balance">
          {view.member.tier} · {view.member.balance.toLocaleString('en-GB')} points to spend
          {view.maxPoints ? ` · up to ${view.maxPoints.toLocaleString('en-GB')} on this order (${money(view.maxPoints)})` : ''}
        </p>
      )}
      {view.refusal ? (
        <p className="text-sm">{view.refusal}</p>
      ) : view.maxPoints === 0 ? (
        <p className="text-sm">Not enough points to take £1 off this order.</p>
      ) : (
        <>
          <div className="flex flex-wrap gap-2">
            <label className="flex flex-col text-sm" htmlFor={`${id}-points`}>
              Points
              <input
                id={`${id}-points`}
                type="number"
                inputMode="numeric"
                min={100}
                max={view.maxPoints}
                step={100}
                value={points}
                onChange={(e) => setPoints(e.target.value)}
                className="min-h-11 w-28 rounded border border-border bg-surface px-2"
              />
            </label>
            <label className="flex flex-col text-sm" htmlFor={`${id}-confirm`}>
              Shopper&rsquo;s code
              <input
                id={`${id}-confirm`}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                required={used > 0}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                className="min-h-11 w-28 rounded border border-border bg-surface px-2 font-mono"
              />
            </label>
          </div>
          {priced?.message && <FormMessage state={{ ok: false, message: priced.message }} />}
          {priced?.dueMinor != null && (
            <p className="text-sm" role="status">
              {money(priced.offMinor)} off with {used.toLocaleString('en-GB')} points: take {money(priced.dueMinor)}.
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
