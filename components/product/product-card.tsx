'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { artAlt, artUrl } from '@/lib/catalog/art-colour';
import type { ColorSwatch, ImageView } from '@/lib/catalog/types';
import { ColorSwatches } from './color-swatches';
import { PriceText, type PriceLabels } from './price';
import { ProductImage } from './product-image';

// What a card shows, and nothing more: cards travel to the browser as data (ProductGrid). `art`: the kind of
// illustration, so a swatch can show the product in its colour; `color`: the colour shown first (a colour filter).
export type GridCard = {
  slug: string;
  name: string;
  image: Pick<ImageView, 'url' | 'alt'> | null;
  inStock: boolean;
  priceVaries: boolean;
  colors: ColorSwatch[];
  art?: string;
  color?: string;
} & PriceLabels;

// The whole card is one link (the title's ::after covers it), so it is one tab stop; the colour swatches sit above
// it and switch the picture (and the link, which opens the product in that colour).
// `pickup`: "Pick up today at Riverside" when the shopper's store has it, over the picture (nothing moves when it
// arrives after the page).
export function ProductCard({
  product,
  priority = false,
  pickup = null,
}: {
  product: GridCard;
  priority?: boolean;
  pickup?: string | null;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const hydrated = useHydrated();
  const color = picked ?? product.color ?? null;
  const hex = product.colors.find((c) => c.name === color)?.hex;
  const image = picked && hex && product.art ? { url: artUrl(product.art, hex), alt: artAlt(product.name, picked) } : product.image;
  return (
    <div className="card">
      <ProductImage image={image} priority={priority} />
      {pickup && (
        // A box the picture's size over it (no wrapper in the cached HTML), the note along its bottom.
        <div className="pointer-events-none absolute inset-x-0 top-0 flex aspect-[4/5] items-end p-1">
          <p className="w-full rounded bg-surface/95 px-2 py-1 text-xs font-semibold text-success" data-testid="card-pickup">
            {pickup}
          </p>
        </div>
      )}
      {!product.inStock ? <span className="badge">Sold out</span> : product.wasPrice !== null && <span className="badge">Sale</span>}
      <h3 className="card-title">
        <Link href={color ? `/p/${product.slug}?color=${encodeURIComponent(color)}` : `/p/${product.slug}`}>{product.name}</Link>
      </h3>
      <PriceText price={product.price} wasPrice={product.wasPrice} from={product.priceVaries} />
      <ColorSwatches colors={product.colors} selected={color} onPick={hydrated && product.art ? setPicked : undefined} />
    </div>
  );
}
