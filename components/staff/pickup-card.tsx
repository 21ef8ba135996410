'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiSend } from '@/lib/api/client';
import type { PickupCard as Card } from '@/lib/pickup/schemas';
import { cn, formatMoney } from '@/lib/utils';
import { CustomerPanel } from './customer-panel';
import { HandoverForm } from './handover-form';
import { SubstituteChooser, SubstitutionNote } from './substitute-chooser';
import { minutesSince, storeTime } from './time';

const STATUS_WORDS: Record<Card['status'], string> = {
  TO_PICK: 'To pick',
  PICKING: 'Picking',
  READY: 'Ready',
  WAITING: 'Waiting at the counter',
  COLLECTED: 'Collected',
  NOT_COLLECTED: 'Not collected',
  CANCELLED: 'Cancelled',
};

type Props = { card: Card; timeZone: string; now: number; onChange: (card: Card, message: string) => void };

export function PickupCard({ card, timeZone, now, onChange }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  // A tick shows at once; the server's answer (or a refusal, which undoes it) follows.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const isPicked = (line: Card['lines'][number]) => ticked[line.id] ?? line.picked === 'PICKED';
  const picking = card.status === 'TO_PICK' || card.status === 'PICKING';
  const allPicked = card.lines.every(isPicked);
  const headingId = `order-${card.id}`;

  async function send(path: 'pick' | 'ready', body: unknown, message: string) {
    setPending(true);
    setError(undefined);
    const res = await apiSend<{ order: Card }>('POST', `/api/v1/staff/orders/${card.id}/${path}`, body);
    setPending(false);
    setTicked({});
    if (res.ok) onChange(res.data.order, message);
    else setError(res.message);
  }

  function tick(line: Card['lines'][number], checked: boolean) {
    setTicked((t) => ({ ...t, [line.id]: checked }));
    void send(
      'pick',
      { lines: [{ lineId: line.id, status: checked ? 'picked' : 'unpicked' }] },
      `${line.name} ${checked ? 'picked' : 'unticked'}.`,
    );
  }

  const late = card.overdue && card.readyBy ? minutesSince(card.readyBy, now) : 0;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="pickup-card"
      data-order-number={card.number}
      className={cn('flex flex-col gap-3 rounded border bg-surface p-4', card.overdue ? 'border-2 border-danger' : 'border-border')}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {card.number} · {card.shopperName}
        </h3>
        <span className="rounded-full bg-surface-alt px-3 py-1 text-sm font-medium">{STATUS_WORDS[card.status]}</span>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {card.readyBy && (
          <>
            <dt className="text-muted">Ready by</dt>
            <dd className={cn(card.overdue && 'font-semibold text-danger')}>
              {storeTime(card.readyBy, timeZone)}
              {card.overdue && ` · overdue by ${late} min`}
            </dd>
          </>
        )}
        <dt className="text-muted">Payment</dt>
        <dd className="font-semibold">
          {card.payment.kind === 'paid' ? 'Paid' : `Take ${formatMoney(card.payment.amountMinor, card.payment.currency)} at the counter`}
        </dd>
        {card.status === 'WAITING' && card.arrivedAt && (
          <>
            <dt className="text-muted">At the counter</dt>
            <dd className="font-semibold">Waiting {minutesSince(card.arrivedAt, now)} min</dd>
          </>
        )}
        {card.collectedAt && (
          <>
            <dt className="text-muted">Collected</dt>
            <dd>
              {storeTime(card.collectedAt, timeZone)}
              {card.collectedBy?.kind === 'proxy' ? ` by ${card.collectedBy.name ?? 'someone else'}` : ' by the shopper'}
            </dd>
          </>
        )}
        {card.uncollected && (
          <>
            <dt className="text-muted">Not collected</dt>
            <dd className="font-semibold text-danger">Ready for over 2 days: the shopper has been reminded</dd>
          </>
        )}
        {card.lockedUntil && (
          <>
            <dt className="text-muted">Locked</dt>
            <dd className="text-danger">Too many wrong codes: try again after {storeTime(card.lockedUntil, timeZone)}</dd>
          </>
        )}
      </dl>
      <ul className="flex flex-col divide-y divide-border" aria-label={`Lines of ${card.number}`}>
        {card.lines.map((line) => (
          <li key={line.id} className="flex flex-wrap items-center gap-3 py-2">
            <div className="size-14 shrink-0 overflow-hidden rounded bg-surface-alt">
              {line.image && (
                // eslint-disable-next-line @next/next/no-img-element -- small thumbnails of our own SVG catalogue images
                <img src={line.image.url} alt="" width={56} height={56} className="size-full object-cover" loading="lazy" />
              )}
            </div>
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {line.quantity} × {line.name}
              </p>
              <p className="text-sm text-muted">
                {[line.color, line.size].filter(Boolean).join(' · ')}
                {line.color || line.size ? ' · ' : ''}SKU {line.sku}
              </p>
            </div>
            {picking && (
              <div className="ml-auto flex items-center gap-2">
                <label className="flex min-h-11 min-w-11 items-center gap-2 font-medium">
                  <input
                    type="checkbox"
                    className="size-6"
                    checked={isPicked(line)}
                    disabled={pending}
                    onChange={(e) => tick(line, e.target.checked)}
                  />
                  Picked<span className="sr-only">: {line.name}</span>
                </label>
                <SubstituteChooser orderId={card.id} line={line} disabled={pending} onChange={onChange} />
              </div>
            )}
            {!picking && line.picked === 'PICKED' && <span className="text-sm text-success">Picked</span>}
            <SubstitutionNote line={line} />
          </li>
        ))}
      </ul>
      <CustomerPanel orderId={card.id} />
      {error && <FormMessage state={{ ok: false, message: error }} />}
      {picking && (
        <Button
          disabled={pending || !allPicked}
          onClick={() => void send('ready', undefined, `Order ${card.number} is ready; the shopper has been told.`)}
        >
          Mark ready
        </Button>
      )}
      {picking && !allPicked && <p className="text-sm text-muted">Tick each line as you pick it, then mark the order ready.</p>}
      {(card.status === 'READY' || card.status === 'WAITING') && !card.lockedUntil && <HandoverForm card={card} onDone={onChange} />}
    </article>
  );
}
