'use client';

import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/** False in the server's HTML and while the page hydrates, true once its script runs: for controls that need it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
