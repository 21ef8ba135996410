import { notFound } from 'next/navigation';
import { decodeListingView } from '@/lib/catalog/filters';
import { CategoryListing, categoryMetadata } from '../category-listing';

// /c/<slug>?<filters> arrives here through proxy.ts as /c/<slug>/<view> when the filters are in the bounded cached
// set (isCachedListing, values checked against the category): one cached page each. Nothing here reads the request,
// so every view is a static page (ISR).
export const revalidate = 600;

// None at build time (a few hundred per category); each is rendered on its first visit, then cached.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/c/[slug]/[view]'>) {
  const { slug, view } = await params;
  const filters = decodeListingView(view, slug);
  return filters ? categoryMetadata(slug, filters) : { title: 'Category not found' };
}

export default async function CategoryPage({ params }: PageProps<'/c/[slug]/[view]'>) {
  const { slug, view } = await params;
  const filters = decodeListingView(view, slug);
  if (!filters) notFound();
  return <CategoryListing slug={slug} filters={filters} />;
}
