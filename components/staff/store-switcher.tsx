'use client';

import { useRouter } from 'next/navigation';
import { STAFF_STORE_COOKIE } from './staff-store-cookie';

// The store the associate works in, for associates with several: the choice is kept in a cookie so the page opens on
// it next time. Access is checked on the server for every request, so the cookie only chooses among allowed stores.
export function StoreSwitcher({ stores, current }: { stores: { id: string; name: string }[]; current: string }) {
  const router = useRouter();
  if (stores.length < 2) return null;
  return (
    <label className="flex items-center gap-2 font-medium">
      Store
      <select
        className="min-h-11 rounded border border-border bg-surface px-3 text-base"
        value={current}
        onChange={(e) => {
          document.cookie = `${STAFF_STORE_COOKIE}=${encodeURIComponent(e.target.value)}; path=/staff; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
          router.refresh();
        }}
      >
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
