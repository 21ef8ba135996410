'use client';

import type { ProductCard as ProductCardData } from '@/lib/catalog/types';
import { ProductCard } from './product-card';

// Two columns on phones, up to four on wide screens. The first row's images load first. A client component only so
// cached pages carry the cards as data (about half the bytes of a rendered tree); it has no state or effects.
export function ProductGrid({ products, eager = 0 }: { products: ProductCardData[]; eager?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.slug}>
          <ProductCard product={p} priority={i < eager} />
        </li>
      ))}
    </ul>
  );
}
