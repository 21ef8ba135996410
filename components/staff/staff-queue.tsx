'use client';

import { useEffect, useState } from 'react';
import { QUEUE_TABS, type PickupCard as Card, type QueueResponse, type QueueTab } from '@/lib/pickup/schemas';
import { cn } from '@/lib/utils';
import { PickupCard } from './pickup-card';
import { useStaffQueue } from './use-staff-queue';

const TAB_NAMES: Record<QueueTab, string> = {
  to_pick: 'To pick',
  picking: 'Picking',
  ready: 'Ready',
  waiting: 'Waiting at the counter',
  collected: 'Collected today',
  problems: 'Problems',
};

const EMPTY: Record<QueueTab, string> = {
  to_pick: 'Nothing to pick. New orders appear here by themselves.',
  picking: 'No order is being picked.',
  ready: 'No order is waiting on the shelf.',
  waiting: 'Nobody is waiting at the counter.',
  collected: 'Nothing collected yet today.',
  problems: 'No problems: every order is on time.',
};

export function StaffQueue({ initial, timeZone }: { initial: QueueResponse; timeZone: string }) {
  const { queue, replace, refetch, announcement, offline, newCount, seen, setSound } = useStaffQueue(initial);
  const [soundOn, setSoundOn] = useState(false);
  const [tab, setTab] = useState<QueueTab>('to_pick');
  const [notice, setNotice] = useState('');
  // An order the associate is working on stays in view when a tick or "Mark ready" moves it to another tab,
  // until they choose a tab themselves.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  // Minutes waited and minutes overdue move on by themselves.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const shown = queue.orders.filter((o) => o.tabs.includes(tab) || pinned.has(o.id));
  const onChange = (card: Card, message: string) => {
    replace(card);
    setPinned((p) => new Set(p).add(card.id));
    setNotice(message);
    void refetch();
  };

  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <p role="status" aria-live="polite" className={cn(notice && 'rounded bg-brand-soft px-3 py-2')}>
        {notice}
      </p>
      {offline && (
        <p role="alert" className="rounded bg-danger/10 px-3 py-2 text-danger">
          The queue could not be refreshed. Check the connection; it updates again once it is back.
        </p>
      )}
      <label className="flex min-h-11 items-center gap-2 self-end text-sm">
        <input
          type="checkbox"
          className="size-5"
          checked={soundOn}
          onChange={(e) => {
            setSoundOn(e.target.checked);
            setSound(e.target.checked);
          }}
        />
        Sound for new orders
      </label>
      <nav aria-label="Queue">
        <ul className="flex gap-2 overflow-x-auto pb-1">
          {QUEUE_TABS.map((t) => (
            <li key={t} className="shrink-0">
              <button
                type="button"
                aria-pressed={t === tab}
                onClick={() => {
                  setTab(t);
                  setPinned(new Set());
                  if (t === 'to_pick') seen();
                }}
                className={cn(
                  'inline-flex min-h-11 items-center gap-2 rounded-full border px-4 font-medium',
                  t === tab ? 'border-ink bg-ink text-surface' : 'border-border bg-surface text-ink',
                )}
              >
                {TAB_NAMES[t]}
                <span
                  data-testid={`count-${t}`}
                  className={cn(
                    'min-w-6 rounded-full px-2 text-center text-sm',
                    t === 'problems' && queue.counts[t] > 0 ? 'bg-danger text-on-brand' : 'bg-surface-alt text-ink',
                  )}
                >
                  {queue.counts[t]}
                </span>
                {t === 'to_pick' && newCount > 0 && (
                  <span data-testid="new-orders" className="rounded-full bg-danger px-2 text-sm text-on-brand">
                    {newCount} new
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="queue-heading" className="flex flex-col gap-3">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {TAB_NAMES[tab]} ({shown.length})
        </h2>
        {shown.length === 0 ? (
          <p className="text-muted">{EMPTY[tab]}</p>
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            {shown.map((card) => (
              <PickupCard key={card.id} card={card} timeZone={timeZone} now={now} onChange={onChange} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
