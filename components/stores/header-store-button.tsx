'use client';

import { useState } from 'react';
import { useMyStore } from './my-store-state';
import { StorePicker } from './store-picker';

// "My store: Riverside" or "Choose a store" in the header. A fixed width keeps the header still
// while the store loads after hydration (the page around it is cached); at 360 px it is just wide enough for
// "Choose a store" and the longest store name, leaving the search box room for its whole placeholder.
export function HeaderStoreButton() {
  const { status, store } = useMyStore();
  const [open, setOpen] = useState(false);
  const settled = status === 'ready' || status === 'error';
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={store ? `My store: ${store.name}. Change store` : 'Choose a store'}
        className="inline-flex h-11 w-[8.75rem] items-center gap-1 rounded px-1 text-left text-sm whitespace-nowrap hover:bg-surface-alt sm:w-48 sm:gap-1.5 sm:px-2"
      >
        <svg
          aria-hidden="true"
          className="shrink-0"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21Z" />
          <circle cx="12" cy="9.5" r="2.5" />
        </svg>
        <span className={settled ? 'min-w-0 truncate' : 'invisible min-w-0 truncate'}>
          {store ? (
            <>
              <span className="hidden sm:inline">My store: </span>
              {store.name}
            </>
          ) : (
            'Choose a store'
          )}
        </span>
      </button>
      <StorePicker open={open} onClose={() => setOpen(false)} />
    </>
  );
}
