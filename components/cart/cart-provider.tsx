'use client';

import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { applyPending, type OptimisticCart } from '@/lib/cart/optimistic';
import { createCartStore, type CartState, type CartStore } from './cart-store';

const CartContext = createContext<CartStore | null>(null);

// One store per request (and per browser tab): wrap the app in <CartProvider>.
export function CartProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createCartStore);
  return <CartContext value={store}>{children}</CartContext>;
}

// Without a provider the browser shares one store; the server never fills it (the cart is fetched
// after hydration), so nothing can leak between requests either way.
let browserStore: CartStore | null = null;

export function useCartStoreApi(): CartStore {
  const context = useContext(CartContext);
  const [own] = useState(() => (typeof window === 'undefined' ? createCartStore() : (browserStore ??= createCartStore())));
  return context ?? own;
}

export function useCartState<T>(selector: (state: CartState) => T): T {
  return useStore(useCartStoreApi(), selector);
}

export function useOptimisticCart(): { cart: OptimisticCart | null; status: CartState['status'] } {
  const server = useCartState((s) => s.server);
  const pending = useCartState((s) => s.pending);
  const status = useCartState((s) => s.status);
  const cart = useMemo(() => (server ? applyPending(server, pending) : null), [server, pending]);
  return { cart, status };
}
