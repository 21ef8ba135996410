import { listingFiltersFromSearchParams } from '@/lib/catalog/filters';
import { CategoryListing, categoryMetadata } from '../category-listing';

// Filter combinations too long for a cache key are rendered per request from the query string.
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
