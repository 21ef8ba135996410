import type { ProductCard as ProductCardData } from '@/lib/catalog/types';
import type { GridCard } from './product-card';
import { priceLabels } from './price';
import { ProductGridView } from './product-grid-view';

// Only what a card shows travels to the browser, with its prices formatted here, on the server: a phone does not
// start Intl's number formatter while it hydrates the grid (about 30 ms of its main thread), and the home page stays
// under 64 KiB of HTML, past which Next serves it at about half the requests per second (npm run bench -- catalog).
export function ProductGrid({ products, eager = 0 }: { products: ProductCardData[]; eager?: number }) {
  const cards = products.map(({ slug, name, image, inStock, priceVaries, colors, priceMinor, compareAtMinor, currency }): GridCard => ({
    slug,
    name,
    image: image && { url: image.url, alt: image.alt },
    inStock,
    priceVaries,
    colors,
    ...priceLabels(priceMinor, compareAtMinor, currency),
  }));
  return <ProductGridView cards={cards} eager={eager} />;
}
