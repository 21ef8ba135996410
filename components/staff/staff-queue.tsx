'use client';

import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { savedAtOfOfflinePage, useOnline } from '@/components/pwa/use-online';
import { Button } from '@/components/ui/button';
import { QUEUE_TABS, type QueueTab } from '@/lib/pickup/queue-tabs';
import type { PickupCard as CardData, QueueResponse } from '@/lib/pickup/schemas';
import { cn } from '@/lib/utils';
import { PickupCard } from './pickup-card';
import { storeTime } from './time';
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

// A card draws again only when its order, the clock or the store changes (not on every count or notice).
const MemoCard = memo(PickupCard);

export function StaffQueue({ initial, timeZone }: { initial: QueueResponse; timeZone: string }) {
  const { view, newOrders, loading, openTab, showMore, refetch, replace, announcement, offline, readAt, newCount, setSound } =
    useStaffQueue(initial);
  const { tab, orders, counts, nextCursor } = view;
  const [soundOn, setSoundOn] = useState(false);
  const [notice, setNotice] = useState('');
  const list = useRef<HTMLFieldSetElement>(null);
  const [now, setNow] = useState(() => Date.now());
  // Offline the queue stays as last read, says when, and takes no action: nothing is queued to send later.
  const online = useOnline();
  // The page's own first page of To pick: drawn now, or saved by the service worker when the page was.
  const [loadedAt] = useState(() => (typeof document === 'undefined' ? null : (savedAtOfOfflinePage() ?? Date.now())));
  const updatedAt = readAt ?? loadedAt;
  // Minutes waited and minutes overdue move on by themselves.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // An order the associate is working on stays in view when a tick or "Mark ready" moves it to another tab, until
  // they choose a tab themselves (use-staff-queue.ts keeps it).
  const onChange = useCallback(
    (card: CardData, message: string) => {
      replace(card);
      setNotice(message);
      void refetch();
    },
    [replace, refetch],
  );

  // The next page, then the keyboard and the screen reader move on to its first order (once it is drawn).
  const focusFrom = useRef<number | null>(null);
  async function more() {
    if (loading) return;
    focusFrom.current = orders.length;
    if ((await showMore()) === 0) focusFrom.current = null;
  }
  useEffect(() => {
    if (focusFrom.current === null) return;
    const first = list.current?.querySelector<HTMLElement>(`[data-queue-index="${focusFrom.current}"]`);
    if (!first) return;
    focusFrom.current = null;
    first.focus();
  }, [orders]);

  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <p role="status" aria-live="polite" className={cn(notice && 'rounded bg-brand-soft px-3 py-2')}>
        {notice}
      </p>
      {(offline || !online) && (
        <div role="alert" className="rounded bg-danger/10 px-3 py-2 text-danger">
          <p>
            {online ? 'The queue could not be refreshed.' : 'You are offline.'} It shows the orders as they were
            {updatedAt ? (
              <>
                {' '}
                at <time dateTime={new Date(updatedAt).toISOString()}>{storeTime(new Date(updatedAt).toISOString(), timeZone)}</time> (last
                updated)
              </>
            ) : (
              ' when last read'
            )}
            .
          </p>
          <p>
            {online
              ? 'Check the connection; it updates again once it is back.'
              : 'Picking, marking ready and handing over need the connection, so they are off until it is back; nothing is saved to send later.'}
          </p>
        </div>
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
                onClick={() => void openTab(t)}
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
                    t === 'problems' && counts[t] > 0 ? 'bg-danger text-on-brand' : 'bg-surface-alt text-ink',
                  )}
                >
                  {counts[t]}
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
      <section aria-labelledby="queue-heading" aria-busy={loading !== null} className="flex flex-col gap-3">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {TAB_NAMES[tab]} ({counts[tab]})
        </h2>
        {newOrders.length > 0 && (
          <div className="flex flex-col gap-3 rounded border-2 border-dashed border-brand p-3">
            <p className="font-semibold">New since you opened To pick</p>
            <fieldset disabled={!online} className="m-0 grid min-w-0 gap-3 border-0 p-0 md:grid-cols-2">
              {newOrders.map((card) => (
                <MemoCard key={card.id} card={card} timeZone={timeZone} now={now} onChange={onChange} />
              ))}
            </fieldset>
          </div>
        )}
        {loading === 'tab' ? (
          <p className="text-muted">Loading…</p>
        ) : orders.length === 0 && newOrders.length === 0 ? (
          <p className="text-muted">{EMPTY[tab]}</p>
        ) : (
          // A disabled fieldset turns off every button and box of the cards it holds (offline).
          <fieldset ref={list} disabled={!online} className="m-0 grid min-w-0 gap-3 border-0 p-0 md:grid-cols-2">
            {orders.map((card, i) => (
              // The first order of a page just shown takes the focus (tabIndex -1: reachable by script only).
              <div key={card.id} data-queue-index={i} tabIndex={-1} className="outline-offset-2">
                <MemoCard card={card} timeZone={timeZone} now={now} onChange={onChange} />
              </div>
            ))}
          </fieldset>
        )}
        {loading !== 'tab' && orders.length > 0 && (
          <p role="status" aria-live="polite" className="text-sm text-muted">
            Showing {orders.length} of {Math.max(counts[tab], orders.length)}
          </p>
        )}
        {loading !== 'tab' && nextCursor && (
          <Button variant="secondary" className="self-center" aria-disabled={loading === 'more'} onClick={() => void more()}>
            {loading === 'more' ? 'Loading more orders…' : 'Show more orders'}
          </Button>
        )}
      </section>
    </div>
  );
}
