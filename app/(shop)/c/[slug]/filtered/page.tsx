import { listingFiltersFromSearchParams } from '@/lib/catalog/filters';
import { CategoryListing, categoryMetadata } from '../category-listing';

// Filter combinations outside the cached set (several values, a price range) are rendered per request from the
// query string, which proxy.ts has already checked against the category and put in canonical form.
async function filtersOf({ params, searchParams }: PageProps<'/c/[slug]/filtered'>) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) search.append(key, v);
  return { slug, filters: listingFiltersFromSearchParams(search, slug) };
}

export async function generateMetadata(props: PageProps<'/c/[slug]/filtered'>) {
  const { slug, filters } = await filtersOf(props);
  return categoryMetadata(slug, filters);
}

export default async function FilteredCategoryPage(props: PageProps<'/c/[slug]/filtered'>) {
  const { slug, filters } = await filtersOf(props);
  return <CategoryListing slug={slug} filters={filters} />;
}
