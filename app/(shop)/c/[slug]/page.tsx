import { listCategories } from '@/lib/catalog/catalog';
import { defaultListingFilters } from '@/lib/catalog/filters';
import { CategoryListing, categoryMetadata } from './category-listing';

// The plain listing (no filters in the URL): prerendered for every category, then served from the page cache.
// Filtered listings go through proxy.ts to ./[view].
export const revalidate = 600;

export async function generateStaticParams() {
  const categories = await listCategories();
  return categories.map((c) => ({ slug: c.slug }));
}

export async function generateMetadata({ params }: PageProps<'/c/[slug]'>) {
  const { slug } = await params;
  return categoryMetadata(slug, defaultListingFilters(slug));
}

export default async function CategoryPage({ params }: PageProps<'/c/[slug]'>) {
  const { slug } = await params;
  return <CategoryListing slug={slug} filters={defaultListingFilters(slug)} />;
}
