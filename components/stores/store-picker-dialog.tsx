'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { buttonClassName } from '@/components/ui/button';
import { apiGet } from '@/lib/api/client';
import type { StoreView } from '@/lib/stores/view';
import { cn } from '@/lib/utils';
import { chooseStore, useMyStore } from './my-store-state';
import { StoreOption } from './store-option';

export type PickerLine = { variantId: string; quantity: number };
type Search = { kind: 'all' } | { kind: 'point'; latitude: number; longitude: number } | { kind: 'near'; text: string };
type Status = { busy: boolean; message: string; error?: boolean };
type Result = { url: string; stores: StoreView[]; status: Status };

function storesUrl(search: Search, lines: readonly PickerLine[]): string {
  const params = new URLSearchParams();
  if (search.kind === 'point') {
    params.set('lat', search.latitude.toFixed(5));
    params.set('lng', search.longitude.toFixed(5));
  } else if (search.kind === 'near') params.set('near', search.text);
  if (lines.length) {
    params.set('variantIds', lines.map((l) => l.variantId).join(','));
    params.set('quantities', lines.map((l) => l.quantity).join(','));
  }
  return `/api/v1/stores?${params}`;
}

async function loadStores(url: string, signal: AbortSignal): Promise<Result> {
  const cache = url.includes('variantIds=') ? 'no-store' : 'default';
  const result = await apiGet<{ origin: { label: string } | null; stores: StoreView[] }>(url, {
    cache,
    signal,
    fallback: 'We could not load stores. Please try again.',
  });
  if (!result.ok) return { url, stores: [], status: { busy: false, error: true, message: result.message } };
  const body = result.data;
  const count = `${body.stores.length} ${body.stores.length === 1 ? 'store' : 'stores'}`;
  const message = body.origin
    ? `${count} near ${body.origin.label}, nearest first.`
    : `${count}. Use your location or a postcode to sort them by distance.`;
  return { url, stores: body.stores, status: { busy: false, message } };
}

// The store picker: a bottom sheet on phones, a side panel from md up. Pass `lines` (one variant on a
// product page, the cart's lines in the cart and checkout) to see each store's stock for them.
export function StorePickerDialog({
  open,
  onClose,
  lines = [],
  onChosen,
}: {
  open: boolean;
  onClose: () => void;
  lines?: readonly PickerLine[];
  onChosen?: (store: StoreView) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const locateRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const inputId = useId();
  const { store: myStore } = useMyStore();
  const [place, setPlace] = useState('');
  const [lastSearch, setLastSearch] = useState<Search>({ kind: 'all' });
  const [result, setResult] = useState<Result | null>(null);
  const [notice, setNotice] = useState<Status | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const url = storesUrl(lastSearch, lines);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      locateRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      // Back to the control that opened the picker (the browser does this too, but not once the page has moved
      // focus while the store was saved), so a keyboard user carries on from where they were.
      const opener = openerRef.current;
      if (opener?.isConnected && document.activeElement !== opener) opener.focus();
    }
  }, [open]);

  // Fetched on every opening, so stock is never older than the sheet.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    loadStores(url, controller.signal).then((loaded) => {
      // A failed search keeps the stores already shown, under the error.
      if (!controller.signal.aborted)
        setResult((previous) => (loaded.status.error ? { ...loaded, stores: previous?.stores ?? [] } : loaded));
    });
    return () => controller.abort();
  }, [open, url]);

  const busy = open && result?.url !== url;
  const status: Status = notice ?? (busy ? { busy: true, message: 'Finding stores…' } : (result?.status ?? { busy: false, message: '' }));
  const stores = result?.stores ?? [];

  function locate() {
    if (!('geolocation' in navigator)) {
      setNotice({ busy: false, error: true, message: 'This browser cannot share your location. Enter a postcode or town instead.' });
      return;
    }
    setNotice({ busy: true, message: 'Finding your location…' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setNotice(null);
        setLastSearch({ kind: 'point', latitude: position.coords.latitude, longitude: position.coords.longitude });
      },
      (error) =>
        setNotice({
          busy: false,
          error: true,
          message:
            error.code === error.PERMISSION_DENIED
              ? 'Location is turned off for this site. Enter a postcode or town instead.'
              : 'We could not find your location. Enter a postcode or town instead.',
        }),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  function searchPlace() {
    const text = place.trim();
    if (text.length < 2) {
      setNotice({ busy: false, error: true, message: 'Enter a postcode (such as SE1 7PB) or a town.' });
      return;
    }
    setNotice(null);
    setLastSearch({ kind: 'near', text });
  }

  async function choose(store: StoreView) {
    setPending(store.id);
    const saved = await chooseStore(store.id);
    setPending(null);
    if (!saved.ok) {
      setNotice({ busy: false, error: true, message: saved.message });
      return;
    }
    setNotice(null);
    onChosen?.(saved.store);
    onClose();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-0 mt-auto max-h-[85dvh] w-full max-w-none rounded-t-2xl bg-surface p-0 text-ink shadow-2xl backdrop:bg-ink/50 open:flex open:flex-col md:mt-0 md:mr-0 md:ml-auto md:h-dvh md:max-h-dvh md:w-[28rem] md:rounded-none"
    >
      <div className="flex items-center justify-between gap-2 border-b border-border py-1 pr-1 pl-4">
        <h2 id={titleId} className="text-lg font-semibold">
          Choose a store for pickup
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close"
          className="inline-flex h-11 w-11 items-center justify-center rounded hover:bg-surface-alt"
        >
          <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </div>
      <div className="space-y-3 border-b border-border px-4 py-3">
        <button ref={locateRef} type="button" onClick={locate} className={buttonClassName('secondary', 'w-full')}>
          <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            <circle cx="12" cy="12" r="3" />
            <path d="M12 2v3M12 19v3M2 12h3M19 12h3" />
          </svg>
          Use my location
        </button>
        {/* Not a <form>: the picker opens inside other forms (checkout), and a nested form would submit the page. */}
        <div role="search" aria-label="Find stores near a postcode or town" className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor={inputId} className="block text-sm font-medium">
              Postcode or town
            </label>
            <input
              id={inputId}
              type="text"
              inputMode="text"
              autoComplete="postal-code"
              enterKeyHint="search"
              placeholder="e.g. SE1 7PB or Camden"
              value={place}
              onChange={(event) => setPlace(event.target.value)}
              onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
                if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
                // Enter in a field would submit whatever form the picker sits in.
                event.preventDefault();
                searchPlace();
              }}
              className="mt-1 h-11 w-full rounded border border-border bg-surface px-3"
            />
          </div>
          <button type="button" onClick={searchPlace} className={buttonClassName('primary')}>
            Search
          </button>
        </div>
        <p role="status" aria-live="polite" className={cn('min-h-5 text-sm', status.error ? 'font-medium text-danger' : 'text-muted')}>
          {status.message}
        </p>
      </div>
      <ul
        aria-label="Stores"
        aria-busy={status.busy}
        className="min-h-0 flex-1 divide-y divide-border overflow-y-auto overscroll-contain px-4 pb-4"
      >
        {stores.map((store) => (
          <StoreOption
            key={store.id}
            store={store}
            selected={myStore?.id === store.id}
            pending={pending === store.id}
            showStock={lines.length > 0}
            onChoose={() => void choose(store)}
          />
        ))}
      </ul>
    </dialog>
  );
}
