'use client';

import { useEffect } from 'react';
import { create } from 'zustand';
import type { StoreView } from '@/lib/stores/view';

// The shopper's store, shared by the header, product page, listing filter and picker. Pages are cached,
// so it is loaded in the browser after hydration; it changes only in handlers and effects, never while
// rendering on the server, so one module-level store cannot leak between requests.
type MyStoreState = { status: 'idle' | 'loading' | 'ready' | 'error'; store: StoreView | null };

export const useMyStoreState = create<MyStoreState>(() => ({ status: 'idle', store: null }));

let loading: Promise<void> | null = null;

export async function errorMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? fallback;
  } catch {
    return fallback;
  }
}

export function loadMyStore(): Promise<void> {
  if (useMyStoreState.getState().status === 'ready') return Promise.resolve();
  loading ??= (async () => {
    useMyStoreState.setState({ status: 'loading' });
    try {
      const response = await fetch('/api/v1/stores/mine', { cache: 'no-store' });
      if (!response.ok) throw new Error(await errorMessage(response, `status ${response.status}`));
      const { store } = (await response.json()) as { store: StoreView | null };
      useMyStoreState.setState({ status: 'ready', store });
    } catch (error) {
      console.error('Could not load your store', error);
      useMyStoreState.setState({ status: 'error', store: null });
    } finally {
      loading = null;
    }
  })();
  return loading;
}

export async function chooseStore(storeId: string): Promise<{ ok: true; store: StoreView } | { ok: false; message: string }> {
  try {
    const response = await fetch('/api/v1/stores/mine', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ storeId }),
    });
    if (!response.ok) return { ok: false, message: await errorMessage(response, 'We could not save your store. Please try again.') };
    const { store } = (await response.json()) as { store: StoreView };
    useMyStoreState.setState({ status: 'ready', store });
    return { ok: true, store };
  } catch (error) {
    console.error('Could not save your store', error);
    return { ok: false, message: 'We could not reach the shop. Check your connection and try again.' };
  }
}

export function useMyStore(): MyStoreState {
  const state = useMyStoreState();
  useEffect(() => {
    void loadMyStore();
  }, []);
  return state;
}
