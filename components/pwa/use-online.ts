'use client';

import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  addEventListener('online', onChange);
  addEventListener('offline', onChange);
  return () => {
    removeEventListener('online', onChange);
    removeEventListener('offline', onChange);
  };
}

/** Whether the browser says it has a connection (true on the server, and until the page knows otherwise). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** When an API answer was read from the shop: now, or the time the service worker saved the copy it answered with. */
export function readAtOf(headers: Headers): number {
  const saved = Date.parse(headers.get('x-saved-at') ?? '');
  return Number.isNaN(saved) ? Date.now() : saved;
}

/** When the service worker saved the page shown offline (its "last updated" note, app/serwist/sw.ts); else null. */
export function savedAtOfOfflinePage(): number | null {
  const iso = document.querySelector('#offline-note time')?.getAttribute('datetime');
  const at = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(at) ? null : at;
}
