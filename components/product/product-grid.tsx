import { artKindOf, cardInColour } from '@/lib/catalog/art-colour';
import { inlineProductArt } from '@/lib/catalog/product-art';
import type { ProductCard as ProductCardData } from '@/lib/catalog/types';
import type { GridCard } from './product-card';
import { priceLabels } from './price';
import { ProductGridView } from './product-grid-view';

// Only what a card shows travels to the browser, with its prices formatted here, on the server: a phone does not
// start Intl's number formatter while it hydrates the grid (about 30 ms of its main thread), and the home page stays
// under 64 KiB of HTML, past which Next serves it at about half the requests per second (npm run bench -- catalog).
// `colors`: a listing's colour filter, whose colour each card then shows. `inline`: how many first pictures to send
// inside the HTML (the page's largest paint). A card's `art` is its illustration's kind, from which the browser
// draws any of its colours when a swatch is picked.
export function ProductGrid({
  products,
  eager = 0,
  colors = [],
  inline = 0,
}: {
  products: ProductCardData[];
  eager?: number;
  colors?: readonly string[];
  inline?: number;
}) {
  const wanted = colors.map((c) => c.toLowerCase());
  const cards = products.map((product, i): GridCard => {
    const { slug, name, inStock, priceVaries, colors: swatches, priceMinor, compareAtMinor, currency } = product;
    const shown = wanted.length ? swatches.find((c) => wanted.includes(c.name.toLowerCase()))?.name : undefined;
    const image = (wanted.length ? cardInColour(product, wanted) : product).image;
    const art = product.image ? artKindOf(product.image.url) : null;
    return {
      slug,
      name,
      image: image && { url: i < inline ? inlineProductArt(image.url) : image.url, alt: image.alt },
      inStock,
      priceVaries,
      colors: swatches,
      ...(art ? { art } : {}),
      ...(shown ? { color: shown } : {}),
      ...priceLabels(priceMinor, compareAtMinor, currency),
    };
  });
  return <ProductGridView cards={cards} eager={eager} />;
}
