'use client';

import Link from 'next/link';
import { MyStoreFilter } from '@/components/stores/my-store-filter';
import { LISTING_FORM_ID, SORT_LABELS } from '@/lib/catalog/constants';
import type { CategoryFacets, ListingFilters } from '@/lib/catalog/types';
import { buttonClassName } from '@/components/ui/button';

// A plain GET form, so filtering works without JavaScript; its URL is the listing's URL. A client component only
// so the cached page carries the facets as data rather than as a rendered tree (the page is half the bytes).
// `formKey` changes with the filters so the inputs' default values follow client-side navigation.
export function ListingFilters({
  action,
  filters,
  facets,
  activeCount,
  formKey,
}: {
  action: string;
  filters: ListingFilters;
  facets: CategoryFacets;
  activeCount: number;
  formKey: string;
}) {
  const pounds = (minor: number, round: 'floor' | 'ceil') => String(Math[round](minor / 100));
  return (
    <details className="open-on-wide group rounded border border-border lg:border-0">
      <summary className="flex min-h-11 items-center justify-between px-4 font-semibold">
        Filter and sort{activeCount > 0 && ` (${activeCount})`}
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="flex flex-col gap-6 border-t border-border p-4 lg:border-0 lg:p-0">
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
                    {size}
                  </label>
                ))}
              </div>
            </fieldset>
          )}

          {facets.colors.length > 0 && (
            <fieldset>
              <legend className="mb-1 text-sm font-semibold">Colour</legend>
              <div className="grid grid-cols-2 gap-x-2">
                {facets.colors.map((color) => (
                  <label key={color.name} className="check">
                    <input
                      type="checkbox"
                      name="color"
                      value={color.name}
                      defaultChecked={filters.colors.some((c) => c.toLowerCase() === color.name.toLowerCase())}
                    />
                    <i aria-hidden="true" className="swatch" style={color.hex ? { background: color.hex } : undefined} />
                    {color.name}
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
              In stock only
            </label>
          </fieldset>
        </form>
        {/* Outside the form because it holds a dialog with its own form; its checkbox joins ours through form={LISTING_FORM_ID}. */}
        <MyStoreFilter />
        <div className="flex flex-wrap gap-2">
          <button type="submit" form={LISTING_FORM_ID} className={buttonClassName('primary', 'flex-1')}>
            Apply
          </button>
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
