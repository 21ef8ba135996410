'use client';

import { useEffect } from 'react';
import { create } from 'zustand';
import { apiGet, apiSend } from '@/lib/api/client';
import type { StoreView } from '@/lib/stores/view';

// The shopper's store, shared by the header, product page, listing filter and picker. Pages are cached,
// so it is loaded in the browser after hydration; it changes only in handlers and effects, never while
// rendering on the server, so one module-level store cannot leak between requests.
type MyStoreState = { status: 'idle' | 'loading' | 'ready' | 'error'; store: StoreView | null };

export const useMyStoreState = create<MyStoreState>(() => ({ status: 'idle', store: null }));

let loading: Promise<void> | null = null;

function loadMyStore(): Promise<void> {
  if (useMyStoreState.getState().status === 'ready') return Promise.resolve();
  loading ??= (async () => {
    useMyStoreState.setState({ status: 'loading' });
    const result = await apiGet<{ store: StoreView | null }>('/api/v1/stores/mine', { cache: 'no-store' });
    if (result.ok) useMyStoreState.setState({ status: 'ready', store: result.data.store });
    else {
      console.error('Could not load your store', result.message);
      useMyStoreState.setState({ status: 'error', store: null });
    }
    loading = null;
  })();
  return loading;
}

export async function chooseStore(storeId: string): Promise<{ ok: true; store: StoreView } | { ok: false; message: string }> {
  const result = await apiSend<{ store: StoreView }>(
    'PUT',
    '/api/v1/stores/mine',
    { storeId },
    { fallback: 'We could not save your store. Please try again.' },
  );
  if (!result.ok) return { ok: false, message: result.message };
  useMyStoreState.setState({ status: 'ready', store: result.data.store });
  return { ok: true, store: result.data.store };
}

export function useMyStore(): MyStoreState {
  const state = useMyStoreState();
  useEffect(() => {
    void loadMyStore();
  }, []);
  return state;
}
