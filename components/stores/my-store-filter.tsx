'use client';

import { useState, useSyncExternalStore } from 'react';
import { LISTING_FORM_ID } from '@/lib/catalog/constants';
import { useMyStore, useMyStoreState } from './my-store-state';
import { StorePicker } from './store-picker';

const noSubscribe = () => () => {};

// "Available at my store" in the listing's GET filter form: submits `availableAt=<storeId>` with the
// other filters. The listing is cached, so the URL and the shopper's store are read in the browser.
export function MyStoreFilter() {
  const search = useSyncExternalStore(
    noSubscribe,
    () => window.location.search,
    () => '',
  );
  const inUrl = new URLSearchParams(search).has('availableAt');
  const { status, store } = useMyStore();
  const [choice, setChoice] = useState<boolean | null>(null);
  const [picking, setPicking] = useState(false);
  const checked = choice ?? inUrl;

  return (
    <div className="flex min-h-11 items-center gap-2 text-sm">
      <input
        id="available-at-my-store"
        type="checkbox"
        form={LISTING_FORM_ID}
        {...(store ? { name: 'availableAt', value: store.id } : {})}
        checked={checked}
        disabled={status === 'idle' || status === 'loading'}
        onChange={(event) => {
          setChoice(event.target.checked);
          if (event.target.checked && !store) setPicking(true);
        }}
        className="h-5 w-5 shrink-0 accent-brand"
      />
      <label htmlFor="available-at-my-store" className="min-w-0 flex-1 truncate py-3">
        Available at my store{store ? ` (${store.name})` : ''}
      </label>
      <StorePicker
        open={picking}
        onClose={() => {
          setPicking(false);
          if (!useMyStoreState.getState().store) setChoice(false);
        }}
      />
    </div>
  );
}
