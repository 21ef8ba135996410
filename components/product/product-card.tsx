import Link from 'next/link';
import type { ProductCard as ProductCardData } from '@/lib/catalog/types';
import { ColorSwatches } from './color-swatches';
import { Price } from './price';
import { ProductImage } from './product-image';

// The whole card is one link (the title's ::after covers it), so it is one tab stop.
export function ProductCard({ product, priority = false }: { product: ProductCardData; priority?: boolean }) {
  return (
    <div className="card">
      <ProductImage image={product.image} priority={priority} />
      {!product.inStock ? <span className="badge">Sold out</span> : product.compareAtMinor !== null && <span className="badge">Sale</span>}
      <h3 className="card-title">
        <Link href={`/p/${product.slug}`}>{product.name}</Link>
      </h3>
      <Price amountMinor={product.priceMinor} compareAtMinor={product.compareAtMinor} currency={product.currency} from={product.priceVaries} />
      <ColorSwatches colors={product.colors} />
    </div>
  );
}
