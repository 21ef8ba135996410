import type { ProductCard as ProductCardData } from '@/lib/catalog/types';
import { ProductCard } from './product-card';

// Two columns on phones, up to four on wide screens. The first row's images load first. Rendered on the server: as a
// client component the cards travelled as data (fewer bytes), but every phone then ran them again while hydrating,
// Intl's price formatter included.
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
