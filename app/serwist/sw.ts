/// <reference lib="webworker" />
// The service worker (/sw.js, built by ./[path]/route.ts). What it keeps on the device, and only that:
// - the offline page and the app's icons and styles (precached);
// - the shopper's own order pages and member card, and the staff page with its queue, each as last loaded
//   (network first), shown offline under a note saying when;
// - the app's hashed scripts and styles, and product images, as they are used.
// Nothing else is cached (no other page or API answer), and nothing is queued to send later: a change made
// offline fails at once and says so, as it does without a service worker.
import { CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate } from 'serwist';
import type { PrecacheEntry, SerwistGlobalConfig, SerwistPlugin } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const OFFLINE_URL = '/offline';
const SAVED_AT = 'x-saved-at';
// Orders (not the look-up form), the account's order list and orders, the member card, the staff page.
const KEPT_PAGES = /^\/(?:orders\/(?!lookup$)[^/]+|account\/orders(?:\/[^/]+)?|account\/rewards|staff)$/;
const STAFF_QUEUE = /^\/api\/v1\/staff\/stores\/[^/]+\/pickups$/;

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

// A copy is stamped with when it was saved (the staff queue says "last updated" from it), and a page is shown offline
// with a note saying so (at the end of <body>, which React leaves alone when it hydrates).
const stamp: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => {
    // A redirect (to sign-in, once signed out) is not the page: never kept in its place.
    if (response.status !== 200 || response.redirected) return null;
    const headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
  },
};
const stampAndNote: SerwistPlugin = {
  ...stamp,
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    const savedAt = cachedResponse?.headers.get(SAVED_AT);
    if (!cachedResponse || !savedAt || !cachedResponse.headers.get('content-type')?.includes('text/html')) return cachedResponse;
    const note =
      `<div role="status" id="offline-note" style="position:fixed;inset:auto 0 0 0;z-index:60;padding:12px 16px;background:#17201b;color:#fff;font:16px/1.4 system-ui,sans-serif">` +
      `You are offline. This page is as it was at <time datetime="${savedAt}">${when(savedAt)}</time> (last updated); ` +
      `nothing can be changed until you are back online.</div>`;
    const html = (await cachedResponse.text()).replace('</body>', `${note}</body>`);
    return new Response(html, { status: 200, headers: cachedResponse.headers });
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.mode === 'navigate' && KEPT_PAGES.test(url.pathname),
      handler: new NetworkFirst({
        cacheName: 'kept-pages',
        plugins: [stampAndNote, new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 60 * 24 * 60 * 60 })],
      }),
    },
    {
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.method === 'GET' && STAFF_QUEUE.test(url.pathname),
      handler: new NetworkFirst({ cacheName: 'staff-queue', plugins: [stamp, new ExpirationPlugin({ maxEntries: 60 })] }),
    },
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: 'next-static', plugins: [new ExpirationPlugin({ maxEntries: 200 })] }),
    },
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && (url.pathname.startsWith('/media/') || url.pathname.startsWith('/icons/')),
      handler: new StaleWhileRevalidate({ cacheName: 'images', plugins: [new ExpirationPlugin({ maxEntries: 150 })] }),
    },
    // Every other page straight from the network, so that offline it falls back to the offline page.
    { matcher: ({ request }) => request.mode === 'navigate', handler: new NetworkOnly() },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_URL, matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();
