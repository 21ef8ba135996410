import Link from 'next/link';
import type { ProductCard as ProductCardData } from '@/lib/catalog/types';
import { ProductGrid } from './product-grid';

// A titled row of products with an optional "see all" link.
export function ProductShelf({
  id,
  title,
  products,
  href,
  linkLabel,
  eager = 0,
  inline = 0,
}: {
  id: string;
  title: string;
  products: ProductCardData[];
  href?: string;
  linkLabel?: string;
  eager?: number;
  inline?: number;
}) {
  if (products.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-12">
      <div className="mb-4 flex items-baseline justify-between gap-4">
        <h2 id={id} className="text-xl font-bold sm:text-2xl">
          {title}
        </h2>
        {href && (
          <Link
            href={href}
            className="inline-flex min-h-11 items-center text-sm font-semibold text-brand underline-offset-4 hover:underline"
          >
            {linkLabel}
          </Link>
        )}
      </div>
      <ProductGrid products={products} eager={eager} inline={inline} />
    </section>
  );
}
