import Link from 'next/link';
import type { ColorSwatch, ImageView } from '@/lib/catalog/types';
import { ColorSwatches } from './color-swatches';
import { PriceText, type PriceLabels } from './price';
import { ProductImage } from './product-image';

// What a card shows, and nothing more: cards travel to the browser as data (ProductGrid).
export type GridCard = {
  slug: string;
  name: string;
  image: Pick<ImageView, 'url' | 'alt'> | null;
  inStock: boolean;
  priceVaries: boolean;
  colors: ColorSwatch[];
} & PriceLabels;

// The whole card is one link (the title's ::after covers it), so it is one tab stop.
export function ProductCard({ product, priority = false }: { product: GridCard; priority?: boolean }) {
  return (
    <div className="card">
      <ProductImage image={product.image} priority={priority} />
      {!product.inStock ? <span className="badge">Sold out</span> : product.wasPrice !== null && <span className="badge">Sale</span>}
      <h3 className="card-title">
        <Link href={`/p/${product.slug}`}>{product.name}</Link>
      </h3>
      <PriceText price={product.price} wasPrice={product.wasPrice} from={product.priceVaries} />
      <ColorSwatches colors={product.colors} />
    </div>
  );
}
