'use client';

import { createStore } from 'zustand/vanilla';
import type { PendingChange } from '@/lib/cart/optimistic';
import type { CartView } from '@/lib/cart/types';

// UI state only: the last cart the server sent, changes in flight, the drawer and a message.
// The server's cart is always the truth; pending changes are an overlay that is dropped on answer.
// `added`: the confirmation after Add to bag, with the bag's new count and the ways on to the bag and checkout.
type CartMessage = { id: number; text: string; tone: 'info' | 'error'; added?: { count: number } };

export type CartState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  server: CartView | null;
  pending: PendingChange[];
  drawerOpen: boolean;
  message: CartMessage | null;
};

export type CartStore = ReturnType<typeof createCartStore>;

export function createCartStore() {
  return createStore<CartState>(() => ({ status: 'idle', server: null, pending: [], drawerOpen: false, message: null }));
}
