'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { refreshCart } from './cart-client';
import { useCartState, useCartStoreApi } from './cart-provider';

// Loads the cart once, follows /api/v1/cart/events while there is a cart to follow, and refetches
// when the tab regains focus so a missed event heals itself. Mounted once, by the header button.
export function useCartSync() {
  const store = useCartStoreApi();
  const follow = useCartState((s) => Boolean(s.server && (s.server.owner === 'user' || s.server.exists)));
  const owner = useCartState((s) => s.server?.owner);
  const pathname = usePathname();

  useEffect(() => {
    if (store.getState().status === 'idle') void refreshCart(store);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refreshCart(store);
    };
    window.addEventListener('focus', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [store]);

  // Every navigation re-reads the bag: cheap, and it heals anything a soft navigation left stale.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void refreshCart(store);
  }, [pathname, store]);

  useEffect(() => {
    if (!follow) return;
    const source = new EventSource('/api/v1/cart/events');
    const onCart = (event: MessageEvent<string>) => {
      try {
        const { version } = JSON.parse(event.data) as { version: number };
        if (version > (store.getState().server?.version ?? -1)) void refreshCart(store);
      } catch (error) {
        console.error('Bad cart event', error);
      }
    };
    // After a dropped connection the browser reconnects by itself; refetch in case we missed a change.
    const onOpen = () => void refreshCart(store);
    source.addEventListener('cart', onCart);
    source.addEventListener('open', onOpen);
    return () => {
      source.removeEventListener('cart', onCart);
      source.removeEventListener('open', onOpen);
      source.close();
    };
  }, [store, follow, owner]);
}
