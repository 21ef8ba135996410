'use client';

import { apiGet, apiSend } from '@/lib/api/client';
import { isNewer, type PendingChange } from '@/lib/cart/optimistic';
import type { CartResponse } from '@/lib/cart/types';
import type { CartStore } from './cart-store';

// Talks to /api/v1/cart for the store: optimistic change → request → the server's cart, or a
// rollback with the server's words. A stale-version refusal triggers a refetch.
let nextId = 1;

export function showMessage(store: CartStore, text: string, tone: 'info' | 'error' = 'info', added?: { count: number }) {
  store.setState({ message: { id: nextId++, text, tone, ...(added ? { added } : {}) } });
}

function accept(store: CartStore, body: CartResponse) {
  const { server } = store.getState();
  if (isNewer(server, body.cart)) store.setState({ server: body.cart, status: 'ready' });
  if (body.notice) showMessage(store, body.notice);
}

export async function refreshCart(store: CartStore): Promise<void> {
  if (!store.getState().server) store.setState({ status: 'loading' });
  const result = await apiGet<CartResponse>('/api/v1/cart', { cache: 'no-store' });
  if (!result.ok) {
    console.error('Could not load the bag', result.status, result.message);
    store.setState((s) => ({ status: s.server ? s.status : 'error' }));
    return;
  }
  // A full read is authoritative even if its version is lower (e.g. the cart was replaced).
  store.setState({ server: result.data.cart, status: 'ready' });
  if (result.data.notice) showMessage(store, result.data.notice);
}

type Change =
  | { kind: 'add'; variantId: string; quantity: number }
  | { kind: 'set'; variantId: string; quantity: number }
  | { kind: 'remove'; variantId: string };

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
  const headers: Record<string, string> = {};
  if (change.kind !== 'add' && version !== undefined && store.getState().server?.exists) headers['if-match'] = `"${version}"`;
  const url = change.kind === 'add' ? '/api/v1/cart/lines' : `/api/v1/cart/lines/${encodeURIComponent(change.variantId)}`;
  const method = change.kind === 'add' ? 'POST' : change.kind === 'set' ? 'PATCH' : 'DELETE';
  const body =
    change.kind === 'add'
      ? { variantId: change.variantId, quantity: change.quantity }
      : change.kind === 'set'
        ? { quantity: change.quantity }
        : undefined;
  // keepalive: a change must reach the server even if the shopper navigates away straight after tapping.
  const result = await apiSend<CartResponse>(method, url, body, {
    headers,
    keepalive: true,
    fallback: 'We could not update your bag. Please try again.',
  });
  if (!result.ok || !result.data?.cart) {
    drop();
    showMessage(store, result.ok ? 'We could not update your bag. Please try again.' : result.message, 'error');
    if (!result.ok && (result.status === 409 || result.status === 404)) await refreshCart(store);
    return false;
  }
  accept(store, result.data);
  drop();
  return true;
}
