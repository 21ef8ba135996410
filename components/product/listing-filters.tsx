'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { MyStoreFilter } from '@/components/stores/my-store-filter';
import { useMyStoreState } from '@/components/stores/my-store-state';
import { LISTING_FORM_ID, SORT_LABELS } from '@/lib/catalog/constants';
import type { FacetCounts } from '@/lib/catalog/facet-counts';
import type { CategoryFacets, ListingFilters } from '@/lib/catalog/types';
import { buttonClassName } from '@/components/ui/button';

// Wide screens show the filters beside the results (globals.css, .open-on-wide): there a change applies at once.
const WIDE = '(min-width: 64rem)';
// The listing's query in the order the server writes it (canonicalListingQuery), without empty fields or defaults.
const QUERY_ORDER = ['size', 'color', 'minPrice', 'maxPrice', 'inStock', 'availableAt', 'sort'];

function listingQuery(form: HTMLFormElement): string {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const key of QUERY_ORDER)
    for (const value of data.getAll(key)) {
      if (typeof value === 'string' && value !== '' && !(key === 'sort' && value === 'featured')) params.append(key, value);
    }
  return params.toString();
}

function Count({ n }: { n: number }) {
  return (
    <span className="count">
      {n}
      <span className="sr-only">{n === 1 ? ' product' : ' products'}</span>
    </span>
  );
}

// A plain GET form, so filtering works without JavaScript; its URL is the listing's URL. A client component only
// so the cached page carries the facets as data rather than as a rendered tree (the page is half the bytes).
// `formKey` changes with the filters so the inputs' default values follow client-side navigation. Each size and
// colour says how many products it would give with the other filters as they are (`counts`, computed with the
// cached listing). On wide screens a change applies at once (a page load, as Apply) and Apply is not shown; the phone's
// sheet keeps Apply, so several changes make one trip.
export function ListingFilters({
  action,
  filters,
  facets,
  counts,
  activeCount,
  formKey,
}: {
  action: string;
  filters: ListingFilters;
  facets: CategoryFacets;
  counts: FacetCounts;
  activeCount: number;
  formKey: string;
}) {
  const pounds = (minor: number, round: 'floor' | 'ceil') => String(Math[round](minor / 100));
  const panel = useRef<HTMLDivElement>(null);
  const [instant, setInstant] = useState(false);
  const storeId = useMyStoreState((state) => state.store?.id ?? null);

  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const update = () => setInstant(wide.matches);
    update();
    wide.addEventListener('change', update);
    return () => wide.removeEventListener('change', update);
  }, []);

  const apply = () => {
    const form = document.getElementById(LISTING_FORM_ID);
    if (!(form instanceof HTMLFormElement)) return;
    const query = listingQuery(form);
    // A page load, as Apply does: a client-side navigation here sometimes kept the old listing on screen under the
    // new URL (seen in the e2e runs), and the listing pages are cached, so the load is quick.
    if (query !== window.location.search.replace(/^\?/, '')) window.location.assign(query ? `${action}?${query}` : action);
  };

  // "change" fires when a box is ticked or a choice picked, and when a price is committed (Enter or leaving the field),
  // not on every keystroke. Controls of the store picker's own dialog, also in this panel, are not the listing's.
  useEffect(() => {
    const element = panel.current;
    if (!element || !instant) return;
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      if (target.form?.id === LISTING_FORM_ID) apply();
    };
    element.addEventListener('change', onChange);
    return () => element.removeEventListener('change', onChange);
  });

  // "Available at my store" ticked before a store was chosen: it applies once the picker has set the store.
  useEffect(() => {
    const box = document.getElementById('available-at-my-store');
    if (instant && storeId && box instanceof HTMLInputElement && box.checked) apply();
    // Only when the store changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storeId]);

  return (
    <details className="open-on-wide group rounded border border-border lg:border-0">
      <summary className="flex min-h-11 items-center justify-between px-4 font-semibold">
        Filter and sort{activeCount > 0 && ` (${activeCount})`}
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div ref={panel} className="flex flex-col gap-6 border-t border-border p-4 lg:border-0 lg:p-0">
        <form key={formKey} id={LISTING_FORM_ID} action={action} method="get" className="flex flex-col gap-6">
          <div>
            <label htmlFor="sort" className="mb-1 block text-sm font-semibold">
              Sort by
            </label>
            <select id="sort" name="sort" defaultValue={filters.sort} className="h-11 w-full rounded border border-border bg-surface px-3">
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>

          {facets.sizes.length > 0 && (
            <fieldset>
              <legend className="mb-1 text-sm font-semibold">Size</legend>
              <div className="grid grid-cols-3 gap-x-2">
                {facets.sizes.map((size) => (
                  <label key={size} className="check">
                    <input
                      type="checkbox"
                      name="size"
                      value={size}
                      defaultChecked={filters.sizes.some((s) => s.toLowerCase() === size.toLowerCase())}
                    />
                    <span>{size}</span> <Count n={counts.sizes[size.toLowerCase()] ?? 0} />
                  </label>
                ))}
              </div>
            </fieldset>
          )}

          {facets.colors.length > 0 && (
            <fieldset>
              <legend className="mb-1 text-sm font-semibold">Colour</legend>
              {/* Two columns in the phone's full-width sheet; one in the 16rem sidebar, where "Burgundy 1" overran its half. */}
              <div className="grid grid-cols-2 gap-x-2 lg:grid-cols-1">
                {facets.colors.map((color) => (
                  <label key={color.name} className="check">
                    <input
                      type="checkbox"
                      name="color"
                      value={color.name}
                      defaultChecked={filters.colors.some((c) => c.toLowerCase() === color.name.toLowerCase())}
                    />
                    <i aria-hidden="true" className="swatch" style={color.hex ? { background: color.hex } : undefined} />
                    <span>{color.name}</span> <Count n={counts.colors[color.name.toLowerCase()] ?? 0} />
                  </label>
                ))}
              </div>
            </fieldset>
          )}

          <fieldset>
            <legend className="mb-1 text-sm font-semibold">Price (£)</legend>
            <div className="flex items-center gap-2">
              <label className="sr-only" htmlFor="minPrice">
                Minimum price in pounds
              </label>
              <input
                id="minPrice"
                name="minPrice"
                type="number"
                inputMode="numeric"
                min={0}
                step="any"
                placeholder={pounds(facets.priceMinMinor, 'floor')}
                defaultValue={filters.minPrice}
                className="h-11 w-full rounded border border-border px-3"
              />
              <span aria-hidden="true">–</span>
              <label className="sr-only" htmlFor="maxPrice">
                Maximum price in pounds
              </label>
              <input
                id="maxPrice"
                name="maxPrice"
                type="number"
                inputMode="numeric"
                min={0}
                step="any"
                placeholder={pounds(facets.priceMaxMinor, 'ceil')}
                defaultValue={filters.maxPrice}
                className="h-11 w-full rounded border border-border px-3"
              />
            </div>
          </fieldset>

          <fieldset>
            <legend className="sr-only">Availability</legend>
            <label className="check">
              <input type="checkbox" name="inStock" value="1" defaultChecked={filters.inStock} />
              <span>In stock only</span> <Count n={counts.inStock} />
            </label>
          </fieldset>
        </form>
        {/* Outside the form because it holds a dialog with its own form; its checkbox joins ours through form={LISTING_FORM_ID}. */}
        <MyStoreFilter />
        <div className="flex flex-wrap gap-2">
          {!instant && (
            <button type="submit" form={LISTING_FORM_ID} className={buttonClassName('primary', 'flex-1')}>
              Apply
            </button>
          )}
          {activeCount > 0 && (
            <Link href={action} className={buttonClassName('ghost')}>
              Clear all
            </Link>
          )}
        </div>
      </div>
    </details>
  );
}
