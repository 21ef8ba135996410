'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from '@/lib/api/client';
import type { PickupCard, QueueResponse } from '@/lib/pickup/schemas';

// The store's queue, kept live: the store's server-sent events say an order changed and the queue is read again
// (one read however many events arrive together); a refetch on focus or reconnect heals a missed event. New
// orders to pick are announced to screen readers and counted until the associate looks at them.
export function useStaffQueue(initial: QueueResponse) {
  const storeId = initial.store.id;
  const [queue, setQueue] = useState(initial);
  const [announcement, setAnnouncement] = useState('');
  const [offline, setOffline] = useState(false);
  const [newCount, setNewCount] = useState(0);
  const sound = useRef(false);
  const known = useRef(new Set(initial.orders.map((o) => o.id)));
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const load = useCallback(async () => {
    const res = await apiGet<QueueResponse>(`/api/v1/staff/stores/${storeId}/pickups`, { cache: 'no-store' });
    if (!res.ok) {
      setOffline(res.status === 0);
      return;
    }
    setOffline(false);
    const fresh = res.data.orders.filter((o) => !known.current.has(o.id) && o.status === 'TO_PICK');
    for (const o of res.data.orders) known.current.add(o.id);
    if (fresh.length) {
      setAnnouncement(fresh.length === 1 ? `New order ${fresh[0]!.number} to pick` : `${fresh.length} new orders to pick`);
      setNewCount((n) => n + fresh.length);
      if (sound.current) chime();
    }
    setQueue(res.data);
  }, [storeId]);

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

  useEffect(() => {
    const source = new EventSource(`/api/v1/staff/stores/${storeId}/events`);
    const onEvent = () => void refetch();
    source.addEventListener('pickup', onEvent);
    source.addEventListener('open', onEvent);
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

  // An action's answer replaces its card at once; the event it caused brings the rest of the queue along.
  const replace = useCallback((card: PickupCard) => {
    setQueue((q) => ({ ...q, orders: q.orders.map((o) => (o.id === card.id ? card : o)) }));
  }, []);

  const setSound = useCallback((on: boolean) => {
    sound.current = on;
  }, []);
  const seen = useCallback(() => setNewCount(0), []);

  return { queue, refetch, replace, announcement, offline, newCount, seen, setSound };
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
