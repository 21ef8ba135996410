import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingFilters } from '@/components/product/listing-filters';
import { ProductGrid } from '@/components/product/product-grid';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { getCategoryBySlug, getCategoryFacets, listProducts } from '@/lib/catalog/catalog';
import { SORT_LABELS } from '@/lib/catalog/constants';
import { getStore } from '@/lib/stores/stores';
import { getFacetCounts } from '@/lib/catalog/facet-counts';
import { canonicalListingQuery, hasActiveFilters, listingHref } from '@/lib/catalog/filters';
import type { ListingFilters as Filters } from '@/lib/catalog/types';
import { pluralize } from '@/lib/utils';
import { ActiveFilters } from './active-filters';

export async function categoryMetadata(slug: string, filters: Filters): Promise<Metadata> {
  const category = await getCategoryBySlug(slug);
  if (!category) return { title: 'Category not found' };
  const title = filters.page > 1 ? `${category.name} – page ${filters.page}` : category.name;
  const url = listingHref(slug, { ...filters, page: filters.page });
  return {
    title,
    description: category.description,
    // Filtered views point search engines at the plain listing.
    alternates: { canonical: hasActiveFilters(filters) || filters.sort !== 'featured' ? `/c/${slug}` : url },
    openGraph: {
      title: `${category.name} · Northwind Supply`,
      description: category.description,
      url,
      images: category.image ? [category.image.url] : undefined,
    },
  };
}

export async function CategoryListing({ slug, filters }: { slug: string; filters: Filters }) {
  const [category, facets, results, counts] = await Promise.all([
    getCategoryBySlug(slug),
    getCategoryFacets(slug),
    listProducts(filters),
    getFacetCounts({ ...filters, category: slug }),
  ]);
  if (!category) notFound();
  const store = filters.availableAt ? await getStore(filters.availableAt) : null;
  const activeCount =
    filters.sizes.length +
    filters.colors.length +
    (filters.minPrice !== undefined || filters.maxPrice !== undefined ? 1 : 0) +
    (filters.inStock ? 1 : 0) +
    (filters.availableAt ? 1 : 0);
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: category.name }]} />
      <header className="mt-2 mb-6">
        <h1 className="text-3xl font-bold">{category.name}</h1>
        <p className="mt-2 max-w-prose text-muted">{category.description}</p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr] lg:gap-10">
        <aside aria-label="Filters">
          <ListingFilters
            action={`/c/${slug}`}
            filters={filters}
            facets={facets}
            counts={counts}
            activeCount={activeCount}
            formKey={canonicalListingQuery(filters).toString()}
          />
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-3 text-sm text-muted" aria-live="polite">
            {pluralize(results.total, 'product')}
            {filters.sort !== 'featured' && filters.sort !== 'relevance' && `, ${SORT_LABELS[filters.sort].toLowerCase()}`}
          </h2>
          <ActiveFilters slug={slug} filters={filters} {...(store ? { storeName: store.name } : {})} />
          {results.items.length > 0 ? (
            // The first row's pictures load first but are not inlined: the listing's cached HTML, and with it the
            // time to serve it, stays smaller, and Lighthouse scores the page the same (npm run bench -- lighthouse).
            <ProductGrid products={results.items} colors={filters.colors} eager={2} />
          ) : (
            <EmptyState title="Nothing matches these filters">
              {filters.page > results.totalPages
                ? 'This page is past the end of the list. '
                : 'Try removing a filter or widening the price range. '}
              <a href={`/c/${slug}`} className="font-semibold text-brand underline">
                See all {category.name.toLowerCase()}
              </a>
            </EmptyState>
          )}
          <Pagination page={filters.page} totalPages={results.totalPages} hrefFor={(page) => listingHref(slug, filters, { page })} />
        </section>
      </div>
    </>
  );
}
