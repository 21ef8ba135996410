import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/layout/search-form';
import { ProductGrid } from '@/components/product/product-grid';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { listCategories } from '@/lib/catalog/catalog';
import { searchProducts } from '@/lib/catalog/search';
import { parseListingQuery, toListingFilters } from '@/lib/catalog/schemas';
import { pluralize } from '@/lib/utils';

// Search is rendered per request (the query is free text); the catalog reads behind it are fast SQL.
async function readQuery(searchParams: PageProps<'/search'>['searchParams']) {
  const query = parseListingQuery(await searchParams);
  return { q: query.q ?? '', filters: toListingFilters({ ...query, pageSize: undefined }, { sort: 'relevance' }) };
}

export async function generateMetadata({ searchParams }: PageProps<'/search'>): Promise<Metadata> {
  const { q } = await readQuery(searchParams);
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const { q, filters } = await readQuery(searchParams);
  const results = await searchProducts(q, filters);
  const hrefFor = (page: number) => `/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{q ? <>Results for “{q}”</> : 'Search'}</h1>
      <SearchForm id="search-page-q" defaultValue={q} className="mt-4 max-w-xl" />
      {results.correctedQuery && (
        <p className="mt-4" role="status">
          No results for “{q}”. Showing results for <strong>“{results.correctedQuery}”</strong>.
        </p>
      )}
      <div className="mt-6">
        {!q ? (
          <EmptyState title="What are you looking for?">
            Search by name, material or category, for example “wool jumper” or “enamel mug”.
          </EmptyState>
        ) : results.total === 0 ? (
          <NoResults q={q} />
        ) : (
          <>
            <p className="mb-4 text-sm text-muted" role="status">
              {pluralize(results.total, 'product')}
            </p>
            <ProductGrid products={results.items} inline={2} eager={2} />
            <Pagination page={results.page} totalPages={results.totalPages} hrefFor={hrefFor} />
          </>
        )}
      </div>
    </>
  );
}

async function NoResults({ q }: { q: string }) {
  const categories = await listCategories();
  return (
    <EmptyState title={`No products match “${q}”`}>
      <p>Check the spelling, try a more general word, or browse a category:</p>
      <ul className="mt-4 flex flex-wrap justify-center gap-2">
        {categories.map((c) => (
          <li key={c.id}>
            <Link
              href={`/c/${c.slug}`}
              className="inline-flex min-h-11 items-center rounded-pill border border-border bg-surface px-4 text-sm font-medium text-ink hover:border-ink"
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </EmptyState>
  );
}
