import type { ImageView } from '@/lib/catalog/types';
import { cn } from '@/lib/utils';

// Product images are SVGs from our own /media route: a plain <img> with fixed dimensions needs no optimiser,
// and the 4:5 box (.card-img) is reserved before it loads, so nothing shifts.
export function ProductImage({
  image,
  priority = false,
  className,
}: {
  image: Pick<ImageView, 'url' | 'alt'> | null;
  priority?: boolean;
  className?: string;
}) {
  if (!image) return <div className={cn('card-img', className)} aria-hidden="true" />;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- local SVGs: nothing to optimise
    <img
      src={image.url}
      alt={image.alt}
      width={400}
      height={500}
      loading={priority ? undefined : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      // The first images are the page's largest paint: drawn with the first frame, not a frame after it.
      decoding={priority ? 'sync' : 'async'}
      className={cn('card-img', className)}
    />
  );
}
