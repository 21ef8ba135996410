import Link from 'next/link';
import { listingHref } from '@/lib/catalog/filters';
import type { ListingFilters } from '@/lib/catalog/types';
import { formatMoney } from '@/lib/utils';

// The filters in use, each a link that removes it.
// `storeName`: the store of availableAt, so its chip names it.
export function ActiveFilters({ slug, filters, storeName }: { slug: string; filters: ListingFilters; storeName?: string }) {
  const base = { ...filters, page: 1 };
  const chips: { label: string; href: string }[] = [
    ...filters.sizes.map((s) => ({ label: `Size ${s}`, href: listingHref(slug, base, { sizes: filters.sizes.filter((x) => x !== s) }) })),
    ...filters.colors.map((c) => ({ label: c, href: listingHref(slug, base, { colors: filters.colors.filter((x) => x !== c) }) })),
  ];
  if (filters.minPrice !== undefined)
    chips.push({
      label: `From ${formatMoney(Math.round(filters.minPrice * 100), 'GBP', { compact: true })}`,
      href: listingHref(slug, base, { minPrice: undefined }),
    });
  if (filters.maxPrice !== undefined)
    chips.push({
      label: `Up to ${formatMoney(Math.round(filters.maxPrice * 100), 'GBP', { compact: true })}`,
      href: listingHref(slug, base, { maxPrice: undefined }),
    });
  if (filters.inStock) chips.push({ label: 'In stock', href: listingHref(slug, base, { inStock: false }) });
  if (filters.availableAt)
    chips.push({ label: storeName ? `At ${storeName}` : 'At my store', href: listingHref(slug, base, { availableAt: undefined }) });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="mb-4 flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link
            href={chip.href}
            className="inline-flex min-h-11 items-center gap-2 rounded-pill border border-border bg-surface-alt px-4 text-sm hover:border-ink"
          >
            {chip.label}
            <span aria-hidden="true">×</span>
            <span className="sr-only">(remove filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
