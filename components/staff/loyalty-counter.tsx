'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiSend } from '@/lib/api/client';
import { formatMoney } from '@/lib/utils';

type Redemption = { balance: number; pointsDiscountMinor: number; orderTotalMinor: number | null; repeated: boolean };

// Spending a member's points at the counter: the points (steps of 100 = £1) and the code the shopper reads from their
// own phone (/account/rewards). With an order, the points come off what is due at handover.
export function LoyaltyCounter({
  memberId,
  storeId,
  orderId,
  balance,
}: {
  memberId: string;
  storeId: string;
  orderId: string | null;
  balance: number;
}) {
  const [points, setPoints] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  // One key per attempt: a retry of the same request after a lost answer spends nothing more.
  const [key, setKey] = useState(() => `counter_${crypto.getRandomValues(new Uint32Array(2)).join('')}`);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const res = await apiSend<{ redemption: Redemption }>('POST', `/api/v1/staff/members/${memberId}/redeem`, {
      storeId,
      points: Number(points),
      confirmCode: code,
      orderId,
      idempotencyKey: key,
    });
    setBusy(false);
    if (res.status !== 0) setKey(`counter_${crypto.getRandomValues(new Uint32Array(2)).join('')}`);
    if (!res.ok) return setState({ ok: false, message: res.issues[0]?.message ?? res.message });
    const r = res.data.redemption;
    setCode('');
    setState({
      ok: true,
      message: `${formatMoney(r.pointsDiscountMinor, 'GBP')} off with points. ${r.orderTotalMinor !== null ? `Now due: ${formatMoney(r.orderTotalMinor, 'GBP')}. ` : ''}Points left: ${r.balance}.`,
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" data-testid="loyalty-counter">
      <p className="font-medium">Spend points ({balance.toLocaleString('en-GB')} available)</p>
      <div className="flex flex-wrap gap-2">
        <label className="flex flex-col text-sm">
          Points
          <input
            name="points"
            type="number"
            inputMode="numeric"
            min={100}
            step={100}
            required
            value={points}
            onChange={(e) => setPoints(e.target.value)}
            className="min-h-11 w-28 rounded border border-border bg-surface px-2"
          />
        </label>
        <label className="flex flex-col text-sm">
          Shopper&rsquo;s code
          <input
            name="confirmCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="min-h-11 w-28 rounded border border-border bg-surface px-2 font-mono"
          />
        </label>
        <Button type="submit" variant="secondary" className="self-end" disabled={busy}>
          Spend
        </Button>
      </div>
      {state && <FormMessage state={state} />}
    </form>
  );
}
