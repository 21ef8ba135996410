'use client';

import type { ImageView } from '@/lib/catalog/types';
import { useChosenColour } from './chosen-colour';
import { ProductImage } from './product-image';

// The pictures of the colour chosen in the variant picker (`galleries`, by colour name; `initial` is the colour the
// page is rendered with). Phones: swipe through full-width images (scroll snap), so only the first is on screen.
// Wide screens: the first image large, the rest in a grid below. Only the first loads eagerly.
export function ProductGallery({
  productId,
  galleries,
  initial,
  name,
}: {
  productId: string;
  galleries: Record<string, ImageView[]>;
  initial: string;
  name: string;
}) {
  const chosen = useChosenColour((s) => (s.productId === productId ? s.color : null));
  const images = (chosen !== null ? galleries[chosen] : undefined) ?? galleries[initial] ?? [];
  if (images.length <= 1) return <ProductImage image={images[0] ?? null} priority />;
  return (
    <div>
      <div
        role="region"
        aria-label={`${name}: ${images.length} images`}
        tabIndex={0}
        className="flex snap-x snap-mandatory gap-3 overflow-x-auto lg:grid lg:grid-cols-2 lg:overflow-visible"
        data-testid="product-gallery"
      >
        {images.map((image, i) => (
          <div key={`${image.url}-${i}`} className={i === 0 ? 'w-full shrink-0 snap-center lg:col-span-2' : 'w-full shrink-0 snap-center'}>
            <ProductImage image={image} priority={i === 0} />
          </div>
        ))}
      </div>
      <p className="mt-2 text-center text-sm text-muted lg:hidden" aria-hidden="true">
        Swipe for {images.length - 1} more
      </p>
    </div>
  );
}
