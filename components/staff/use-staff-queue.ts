'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { readAtOf } from '@/components/pwa/use-online';
import { apiGet } from '@/lib/api/client';
import { QUEUE_MAX_LIMIT, QUEUE_PAGE_SIZE, type QueueTab } from '@/lib/pickup/queue-tabs';
import type { PickupCard, QueueResponse } from '@/lib/pickup/schemas';

// What the page shows of the queue: one tab, the pages of it read so far, and every tab's count.
type View = { tab: QueueTab; orders: PickupCard[]; nextCursor: string | null; counts: QueueResponse['counts'] };
type Loading = 'tab' | 'more' | null;
type QueueEvent = { orderId?: string; status?: string };

// The store's queue, kept live, a tab and a page at a time: the server drew the first page of To pick; other tabs
// and further pages are read from the queue API. The store's server-sent events say an order changed and the tab
// shown is read again, as many orders as are shown (one read however many events arrive together); a refetch on
// focus or reconnect heals a missed event. A new order to pick (its event says so) is announced to screen readers
// and counted until the associate opens To pick; it shows on the list when it falls within the pages read.
export function useStaffQueue(initial: QueueResponse) {
  const storeId = initial.store.id;
  const [view, setView] = useState<View>(() => ({
    tab: initial.tab ?? 'to_pick',
    orders: initial.orders,
    nextCursor: initial.nextCursor,
    counts: initial.counts,
  }));
  const [loading, setLoading] = useState<Loading>(null);
  const [announcement, setAnnouncement] = useState('');
  const [offline, setOffline] = useState(false);
  // When the queue shown was read from the shop (offline, the service worker answers with its last copy and its time).
  const [readAt, setReadAt] = useState<number | null>(null);
  const [newCount, setNewCount] = useState(0);
  // New orders to pick heard of while To pick is open and not on its list, each read on its own: shown first (the
  // sorted list puts the newest promise last, often pages away) until the associate opens the tab again.
  const [fresh, setFresh] = useState<PickupCard[]>([]);
  const unseen = useRef(0);
  const current = useRef(view);
  // Bumped by every read that replaces what is shown (another tab, another page): an older answer is then dropped.
  const generation = useRef(0);
  const sound = useRef(false);
  const known = useRef(new Set(initial.orders.map((o) => o.id)));
  // Orders the associate acted on stay in view (with their latest card) when the change moves them off the tab.
  const pinned = useRef(new Map<string, PickupCard>());
  const left = useRef(new Map<string, number>());
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  // A card read again unchanged keeps its object, so the page draws again only the cards that changed (the refetch
  // when the event stream opens, just after the page loads, usually changes none).
  const show = useCallback((next: View) => {
    const before = new Map(current.current.orders.map((o) => [o.id, o]));
    const orders = next.orders.map((o) => {
      const old = before.get(o.id);
      return old && (old === o || JSON.stringify(old) === JSON.stringify(o)) ? old : o;
    });
    const view = { ...next, orders };
    current.current = view;
    for (const o of orders) known.current.add(o.id);
    setView(view);
  }, []);

  const read = useCallback(
    (tab: QueueTab, limit: number, cursor?: string | null) => {
      const query = new URLSearchParams({ status: tab, limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return apiGet<QueueResponse>(`/api/v1/staff/stores/${storeId}/pickups?${query}`, { cache: 'no-store' }).then((res) => {
        if (res.ok) setReadAt(readAtOf(res.headers));
        return res;
      });
    },
    [storeId],
  );

  // The tab shown, read again: as many orders as are shown, and one page more once the end was reached (so orders
  // that joined at the end appear).
  const load = useCallback(async () => {
    const before = current.current;
    const at = generation.current;
    const shown = before.orders.length;
    const limit = Math.min(QUEUE_MAX_LIMIT, Math.max(QUEUE_PAGE_SIZE, before.nextCursor ? shown : shown + QUEUE_PAGE_SIZE));
    const res = await read(before.tab, limit);
    if (at !== generation.current) {
      again.current = true;
      return;
    }
    if (!res.ok) {
      setOffline(res.status === 0);
      return;
    }
    setOffline(false);
    const orders = keepPinned(before.orders, res.data.orders, pinned.current);
    // Where each order that left stood: the event of an associate's own step can arrive before its answer, and
    // the answer puts the card back there (replace).
    const present = new Set(orders.map((o) => o.id));
    before.orders.forEach((o, i) => !present.has(o.id) && left.current.set(o.id, i));
    show({ ...before, ...res.data, tab: before.tab, orders });
  }, [read, show]);

  const refetch = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    inFlight.current = (async () => {
      do {
        again.current = false;
        await load();
      } while (again.current);
    })().finally(() => (inFlight.current = null));
    return inFlight.current;
  }, [load]);

  const openTab = useCallback(
    async (tab: QueueTab) => {
      const at = ++generation.current;
      pinned.current = new Map();
      left.current = new Map();
      if (tab === 'to_pick') {
        setNewCount((unseen.current = 0));
        setFresh([]);
      }
      show({ ...current.current, tab, orders: [], nextCursor: null });
      setLoading('tab');
      const res = await read(tab, QUEUE_PAGE_SIZE);
      if (at !== generation.current) return;
      setLoading(null);
      if (!res.ok) return setOffline(res.status === 0);
      setOffline(false);
      show({ tab, orders: res.data.orders, nextCursor: res.data.nextCursor, counts: res.data.counts });
    },
    [read, show],
  );

  // The next page of the tab shown; resolves with how many orders it added.
  const showMore = useCallback(async (): Promise<number> => {
    const before = current.current;
    if (!before.nextCursor) return 0;
    const at = ++generation.current;
    setLoading('more');
    const res = await read(before.tab, QUEUE_PAGE_SIZE, before.nextCursor);
    if (at !== generation.current) return 0;
    setLoading(null);
    if (!res.ok) {
      setOffline(res.status === 0);
      return 0;
    }
    setOffline(false);
    const have = new Set(before.orders.map((o) => o.id));
    const added = res.data.orders.filter((o) => !have.has(o.id));
    show({ ...before, orders: [...before.orders, ...added], nextCursor: res.data.nextCursor, counts: res.data.counts });
    return added.length;
  }, [read, show]);

  useEffect(() => {
    const source = new EventSource(`/api/v1/staff/stores/${storeId}/events`);
    const onEvent = (event: MessageEvent<string>) => {
      const data = parseEvent(event.data);
      const reading = refetch();
      // Only a new order is announced as to pick (the order's confirmation); once per order.
      if (data.status === 'TO_PICK' && data.orderId && !known.current.has(data.orderId)) {
        const orderId = data.orderId;
        known.current.add(orderId);
        const count = ++unseen.current;
        setNewCount(count);
        setAnnouncement(count === 1 ? 'A new order to pick' : `${count} new orders to pick`);
        if (sound.current) chime();
        void reading.then(() => addFresh(orderId));
      }
    };
    // Once the tab is read again: a new order To pick does not list (it is pages away) is read on its own. Not
    // before, so a card the list is about to show is never drawn in two places (and its open panels lost on the move).
    const addFresh = async (orderId: string) => {
      const shown = current.current;
      if (shown.tab !== 'to_pick' || shown.orders.some((o) => o.id === orderId)) return;
      const res = await apiGet<{ order: PickupCard }>(`/api/v1/staff/orders/${orderId}`, { cache: 'no-store' });
      if (!res.ok || res.data.order.status !== 'TO_PICK') return;
      const card = res.data.order;
      setFresh((f) => (f.some((c) => c.id === card.id) ? f : [card, ...f]));
    };
    const onOpen = () => void refetch();
    source.addEventListener('pickup', onEvent);
    source.addEventListener('open', onOpen);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refetch();
    };
    window.addEventListener('focus', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      source.close();
      window.removeEventListener('focus', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [storeId, refetch]);

  // An action's answer replaces its card at once (and keeps it in view); the event it caused brings the rest along.
  const replace = useCallback(
    (card: PickupCard) => {
      pinned.current.set(card.id, card);
      setFresh((f) => f.map((c) => (c.id === card.id ? card : c)));
      const before = current.current;
      const orders = before.orders.map((o) => (o.id === card.id ? card : o));
      const at = left.current.get(card.id);
      if (at !== undefined && !before.orders.some((o) => o.id === card.id)) orders.splice(Math.min(at, orders.length), 0, card);
      show({ ...before, orders });
    },
    [show],
  );

  const setSound = useCallback((on: boolean) => {
    sound.current = on;
  }, []);

  // A new order the tab's own list now shows is shown there only.
  const shown = new Set(view.orders.map((o) => o.id));
  const newOrders = view.tab === 'to_pick' ? fresh.filter((c) => !shown.has(c.id)) : [];
  return { view, newOrders, loading, openTab, showMore, refetch, replace, announcement, offline, readAt, newCount, setSound };
}

// The freshly read orders, with the pinned ones that have left the tab kept where they were.
function keepPinned(before: PickupCard[], fresh: PickupCard[], pinned: Map<string, PickupCard>): PickupCard[] {
  const out = [...fresh];
  const present = new Set(fresh.map((o) => o.id));
  before.forEach((o, i) => {
    const card = pinned.get(o.id);
    if (card && !present.has(o.id)) out.splice(Math.min(i, out.length), 0, card);
  });
  return out;
}

function parseEvent(data: string): QueueEvent {
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === 'object' ? (parsed as QueueEvent) : {};
  } catch {
    return {};
  }
}

// A short two-note chime made on the spot (no sound file to fetch), for the associate who switched sound on.
function chime() {
  try {
    const audio = new AudioContext();
    [660, 880].forEach((frequency, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, audio.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.18 + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.18);
      osc.stop(audio.currentTime + i * 0.18 + 0.17);
    });
    setTimeout(() => void audio.close(), 600);
  } catch {
    // No audio on this device: the badge and the announcement still tell.
  }
}
