'use client';

import { isNewer, type PendingChange } from '@/lib/cart/optimistic';
import type { CartResponse } from '@/lib/cart/types';
import type { CartStore } from './cart-store';

// Talks to /api/v1/cart for the store: optimistic change → request → the server's cart, or a
// rollback with the server's words. A stale-version refusal triggers a refetch.
let nextId = 1;

export function showMessage(store: CartStore, text: string, tone: 'info' | 'error' = 'info') {
  store.setState({ message: { id: nextId++, text, tone } });
}

function accept(store: CartStore, body: CartResponse) {
  const { server } = store.getState();
  if (isNewer(server, body.cart)) store.setState({ server: body.cart, status: 'ready' });
  if (body.notice) showMessage(store, body.notice);
}

export async function refreshCart(store: CartStore): Promise<void> {
  if (!store.getState().server) store.setState({ status: 'loading' });
  try {
    const response = await fetch('/api/v1/cart', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const body = (await response.json()) as CartResponse;
    // A full read is authoritative even if its version is lower (e.g. the cart was replaced).
    store.setState({ server: body.cart, status: 'ready' });
    if (body.notice) showMessage(store, body.notice);
  } catch (error) {
    console.error('Could not load the bag', error);
    store.setState((s) => ({ status: s.server ? s.status : 'error' }));
  }
}

type Change = { kind: 'add'; variantId: string; quantity: number } | { kind: 'set'; variantId: string; quantity: number } | { kind: 'remove'; variantId: string };

// Changes from one device go out one at a time, each carrying the version the previous one returned,
// so quick taps do not trip over each other; other devices' changes still get a 409 and a refetch.
const queues = new WeakMap<CartStore, Promise<unknown>>();

export function changeCart(store: CartStore, change: Change): Promise<boolean> {
  const pending = { ...change, id: nextId++ } as PendingChange;
  store.setState((s) => ({ pending: [...s.pending, pending] }));
  const run = (queues.get(store) ?? Promise.resolve()).then(() => send(store, change, pending));
  queues.set(store, run);
  return run;
}

async function send(store: CartStore, change: Change, pending: PendingChange): Promise<boolean> {
  const version = store.getState().server?.version;
  const drop = () => store.setState((s) => ({ pending: s.pending.filter((p) => p.id !== pending.id) }));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (change.kind !== 'add' && version !== undefined && store.getState().server?.exists) headers['if-match'] = `"${version}"`;
  const url = change.kind === 'add' ? '/api/v1/cart/lines' : `/api/v1/cart/lines/${encodeURIComponent(change.variantId)}`;
  const method = change.kind === 'add' ? 'POST' : change.kind === 'set' ? 'PATCH' : 'DELETE';
  const body = change.kind === 'add' ? { variantId: change.variantId, quantity: change.quantity } : change.kind === 'set' ? { quantity: change.quantity } : undefined;
  try {
    // keepalive: a change must reach the server even if the shopper navigates away straight after tapping.
    const response = await fetch(url, { method, headers, body: body && JSON.stringify(body), credentials: 'same-origin', keepalive: true });
    const json = (await response.json().catch(() => null)) as (CartResponse & { error?: { code: string; message: string } }) | null;
    if (!response.ok || !json?.cart) {
      drop();
      showMessage(store, json?.error?.message ?? 'We could not update your bag. Please try again.', 'error');
      if (response.status === 409 || response.status === 404) await refreshCart(store);
      return false;
    }
    accept(store, json);
    drop();
    return true;
  } catch (error) {
    console.error('Bag update failed', error);
    drop();
    showMessage(store, 'We could not reach the shop. Check your connection and try again.', 'error');
    return false;
  }
}
