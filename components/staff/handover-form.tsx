'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiSend } from '@/lib/api/client';
import type { PickupCard } from '@/lib/pickup/schemas';
import { formatMoney } from '@/lib/utils';
import { newAttemptKey } from './counter-types';
import { HandoverPoints, type PointsChoice } from './handover-points';
import { QrScanner } from './qr-scanner';

// The counter: the code the shopper shows, who takes the parcel, and the payment for a pay-at-pickup order, with the
// member's points off it if they choose (the amount to take is then the server's price after points).
export function HandoverForm({ card, onDone }: { card: PickupCard; onDone: (card: PickupCard, message: string) => void }) {
  const id = useId();
  const [collector, setCollector] = useState<'shopper' | 'proxy'>('shopper');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<{ ok: boolean; message?: string }>();
  const due = card.payment.kind === 'due' ? card.payment : null;
  const [points, setPoints] = useState<PointsChoice | null>(null);
  // One key per attempt: the same handover sent again after a lost answer is answered as done.
  const [key, setKey] = useState(() => newAttemptKey('handover'));
  const amountMinor = points ? points.dueMinor : (due?.amountMinor ?? null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('proxyName') ?? '');
    const method = String(form.get('method') ?? 'card') as 'card' | 'cash';
    setPending(true);
    setState(undefined);
    const res = await apiSend<{ order: PickupCard }>('POST', `/api/v1/staff/orders/${card.id}/handover`, {
      code,
      collectedBy: collector === 'proxy' ? { kind: 'proxy', name } : { kind: 'shopper' },
      ...(due ? { payment: { method, amountMinor } } : {}),
      ...(points?.redeem ? { redeem: points.redeem } : {}),
      idempotencyKey: key,
    });
    setPending(false);
    if (res.ok || res.status !== 0) setKey(newAttemptKey('handover'));
    if (res.ok) {
      onDone(res.data.order, `Handed over: order ${card.number} is collected.`);
    } else {
      setState({ ok: false, message: res.issues[0]?.message ?? res.message });
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded border border-border p-3" aria-label={`Hand over order ${card.number}`}>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-code`} className="font-medium">
          Pickup code
        </label>
        <input
          id={`${id}-code`}
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          minLength={4}
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="min-h-11 rounded border border-border bg-surface px-3 font-mono text-lg tracking-widest uppercase"
        />
      </div>
      <QrScanner orderId={card.id} onCode={setCode} />
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">Collected by</legend>
        <div className="flex flex-wrap gap-x-4">
          {(['shopper', 'proxy'] as const).map((kind) => (
            <label key={kind} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name={`${id}-collector`}
                value={kind}
                checked={collector === kind}
                onChange={() => setCollector(kind)}
                className="size-5"
              />
              {kind === 'shopper' ? 'The shopper' : 'Someone else'}
            </label>
          ))}
        </div>
        {collector === 'proxy' && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-proxy`}>Their name</label>
            <input
              id={`${id}-proxy`}
              name="proxyName"
              required
              maxLength={80}
              autoComplete="off"
              className="min-h-11 rounded border border-border bg-surface px-3 text-base"
            />
          </div>
        )}
      </fieldset>
      {due && <HandoverPoints orderId={card.id} onChange={setPoints} />}
      {due && (
        <fieldset className="flex flex-col gap-1">
          <legend className="font-medium" data-testid="handover-amount">
            Payment taken: {amountMinor === null ? '…' : formatMoney(amountMinor, due.currency)}
          </legend>
          <div className="flex flex-wrap gap-x-4">
            {(['card', 'cash'] as const).map((method) => (
              <label key={method} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="method" value={method} defaultChecked={method === 'card'} className="size-5" />
                {method === 'card' ? 'Card terminal' : 'Cash'}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <FormMessage state={state} />
      <Button type="submit" disabled={pending || (due !== null && amountMinor === null)}>
        {pending ? 'Checking…' : 'Hand over'}
      </Button>
    </form>
  );
}
