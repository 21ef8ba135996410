import type { Metadata } from 'next';
import Link from 'next/link';
import { CategoryCard } from '@/components/product/category-card';
import { ProductShelf } from '@/components/product/product-shelf';
import { RecommendationShelves } from '@/components/recommendations/recommendation-shelves';
import { buttonClassName } from '@/components/ui/button';
import { getHomeContent } from '@/lib/catalog/catalog';

// Served from the page cache; refreshed every 10 minutes or when the catalog is invalidated.
export const revalidate = 600;

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { title: 'Northwind Supply', description: 'Outdoor and everyday clothing and homeware from London.', url: '/' },
};

export default async function HomePage() {
  const { featured, newIn, categories } = await getHomeContent();
  const firstCategory = categories[0];
  return (
    <>
      <section className="relative -mx-4 overflow-hidden bg-brand px-6 py-10 text-on-brand sm:rounded lg:mx-0 lg:px-12 lg:py-20">
        <div className="relative max-w-xl">
          <p className="text-sm font-semibold tracking-widest text-on-brand/80 uppercase">New season, built to last</p>
          <h1 className="mt-3 text-3xl leading-tight font-bold sm:text-5xl">Kit for the weekend, and every day in between.</h1>
          <p className="mt-4 text-lg text-on-brand/90">Order online, or pick up today from one of our London stores.</p>
          <div className="mt-8 flex flex-wrap gap-3">
            {firstCategory && (
              <Link href={`/c/${firstCategory.slug}`} className={buttonClassName('secondary', 'border-transparent')}>
                Shop {firstCategory.name.toLowerCase()}
              </Link>
            )}
            <Link href="#new-in" className={buttonClassName('ghost', 'text-on-brand ring-1 ring-on-brand/60 hover:bg-brand-strong')}>
              See what’s new
            </Link>
          </div>
        </div>
        <svg aria-hidden="true" className="absolute -right-16 -bottom-10 h-72 w-72 opacity-20 sm:h-96 sm:w-96" viewBox="0 0 200 200">
          <path d="M0 170 60 80l30 40 40-70 70 120z" fill="currentColor" />
        </svg>
      </section>

      <ProductShelf id="featured" title="Featured" products={featured} inline={2} eager={2} />
      <ProductShelf id="new-in" title="New in" products={newIn} />

      <section aria-labelledby="categories" className="mt-12">
        <h2 id="categories" className="mb-4 text-xl font-bold sm:text-2xl">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-3">
          {categories.map((c) => (
            <li key={c.id}>
              <CategoryCard category={c} />
            </li>
          ))}
        </ul>
      </section>

      {/* "For you" (or "Trending" for a first visit), then the visitor's recently viewed products. */}
      <RecommendationShelves context="home" slots={[{ title: 'For you' }, { title: 'Recently viewed' }]} />
    </>
  );
}
