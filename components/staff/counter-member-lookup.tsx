'use client';

import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { apiSend } from '@/lib/api/client';
import { formatMoney } from '@/lib/utils';
import type { CounterMember, CounterMemberView } from './counter-types';
import { QrCamera, type QrVerdict } from './qr-camera';

// Step 1 at the counter: the shopper's member card, scanned (its QR code) or typed (the short code under it). The
// server checks the card and answers with the member's tier and points; the look-up is audited.
export function CounterMemberLookup({
  storeId,
  member,
  onMember,
}: {
  storeId: string;
  member: CounterMember | null;
  onMember: (member: CounterMember | null) => void;
}) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const lookUp = useCallback(
    async (token: string) => {
      setBusy(true);
      setError(null);
      const res = await apiSend<{ member: CounterMemberView }>('POST', '/api/v1/staff/members/lookup', { storeId, token });
      setBusy(false);
      if (!res.ok) {
        setError(res.issues[0]?.message ?? res.message);
        input.current?.focus();
        return;
      }
      setCode('');
      onMember({ token, view: res.data.member });
    },
    [storeId, onMember],
  );

  const onText = useCallback(
    (text: string): QrVerdict => {
      if (!text.startsWith('NWR1-')) return { done: false, message: 'That QR code is not a member card.' };
      void lookUp(text);
      return { done: true, message: 'Member card read.' };
    },
    [lookUp],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim().length < 10) {
      setError('Type the 12-character code under the QR code on the shopper’s card.');
      input.current?.focus();
      return;
    }
    void lookUp(code.trim());
  }

  if (member) {
    const m = member.view;
    return (
      <section aria-labelledby="counter-member-heading" className="flex flex-col gap-2 rounded border border-border p-4">
        <h2 id="counter-member-heading" className="text-lg font-semibold">
          Member{m.name ? `: ${m.name}` : ''}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="counter-member">
          <dt className="text-muted">Tier</dt>
          <dd>{m.tier.name}</dd>
          <dt className="text-muted">Points to spend</dt>
          <dd data-testid="counter-member-balance">
            {m.balance.toLocaleString('en-GB')} (worth {formatMoney(Math.floor(m.balance / 100) * 100, 'GBP')})
          </dd>
          <dt className="text-muted">Pending</dt>
          <dd>{m.pending.toLocaleString('en-GB')}</dd>
        </dl>
        <Button variant="ghost" className="self-start" onClick={() => onMember(null)}>
          Remove member from this sale
        </Button>
      </section>
    );
  }

  return (
    <section aria-labelledby="counter-card-heading" className="flex flex-col gap-3 rounded border border-border p-4">
      <h2 id="counter-card-heading" className="text-lg font-semibold">
        Member card <span className="text-sm font-normal text-muted">(optional)</span>
      </h2>
      <QrCamera label="Scan member card" onText={onText} />
      <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
        <label htmlFor="counter-card-code" className="font-medium">
          Or type the card code
        </label>
        <div className="flex gap-2">
          <input
            ref={input}
            id="counter-card-code"
            name="cardCode"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="XXXX-XXXX-XXXX"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'counter-card-error' : undefined}
            className="min-h-11 min-w-0 flex-1 rounded border border-border bg-surface px-3 font-mono text-base uppercase"
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? 'Looking up…' : 'Look up'}
          </Button>
        </div>
        {error && (
          <p id="counter-card-error" role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
