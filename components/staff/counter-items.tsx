'use client';

import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { apiGet } from '@/lib/api/client';
import { formatMoney } from '@/lib/utils';
import type { SaleItem } from './counter-types';

// Step 2: items for the sale. A SKU typed (or sent by a barcode scanner, which types it and presses Enter) is added
// at once; a name searches what this store stocks, each size and colour with what is on the shelf here.
export function CounterItems({ storeId, onAdd }: { storeId: string; onAdd: (item: SaleItem) => void }) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<SaleItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // The list closes once an item is taken, so on a phone the sale below is in reach; the search keeps its words.
  function add(item: SaleItem) {
    onAdd(item);
    setItems(null);
    setMessage({ ok: true, text: `Added ${item.name}.` });
    input.current?.focus();
  }

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = q.trim();
    if (!query) {
      setMessage({ ok: false, text: 'Type a name or a SKU to find an item.' });
      return input.current?.focus();
    }
    setBusy(true);
    setMessage(null);
    const res = await apiGet<{ items: SaleItem[] }>(`/api/v1/staff/stores/${storeId}/items?q=${encodeURIComponent(query)}`);
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.issues[0]?.message ?? res.message });
    const found = res.data.items;
    const exact = found.length === 1 && found[0]!.sku.toLowerCase() === query.toLowerCase() ? found[0]! : null;
    if (exact && exact.onShelf > 0) {
      add(exact);
      return setQ('');
    }
    setItems(found);
    if (!found.length) setMessage({ ok: false, text: `Nothing found for “${query}”. Check the SKU or try another word.` });
  }

  return (
    <section aria-labelledby="counter-items-heading" className="flex flex-col gap-3 rounded border border-border p-4">
      <h2 id="counter-items-heading" className="text-lg font-semibold">
        Items
      </h2>
      <form onSubmit={search} role="search" className="flex flex-col gap-2" noValidate>
        <label htmlFor="counter-item-search" className="font-medium">
          Find an item by name or SKU
        </label>
        <div className="flex gap-2">
          <input
            ref={input}
            id="counter-item-search"
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            spellCheck={false}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="min-h-11 min-w-0 flex-1 rounded border border-border bg-surface px-3 text-base"
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? 'Searching…' : 'Find'}
          </Button>
        </div>
      </form>
      <p role={message && !message.ok ? 'alert' : 'status'} className={message?.ok === false ? 'text-sm text-danger' : 'text-sm'}>
        {message?.text}
      </p>
      {items && items.length > 0 && (
        <ul className="flex flex-col divide-y divide-border" aria-label="Items found" data-testid="counter-results">
          {items.map((item) => (
            <li key={item.variantId} className="flex items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <p className="font-medium">{item.name}</p>
                <p className="text-sm text-muted">
                  {item.sku} · {formatMoney(item.priceMinor, item.currency)} ·{' '}
                  {item.onShelf > 0 ? `${item.onShelf} on the shelf` : 'none on the shelf here'}
                </p>
              </div>
              <Button
                variant="secondary"
                disabled={item.onShelf < 1}
                onClick={() => add(item)}
                aria-label={`Add ${item.name} (${item.sku})`}
              >
                Add
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
