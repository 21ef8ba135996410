import Link from 'next/link';
import { Price } from '@/components/product/price';
import { ProductImage } from '@/components/product/product-image';
import type { RecommendationItem } from '@/lib/recommendations/schemas';

// One recommended product: the whole card is one link named by the product, with why it is suggested.
export function RecommendationCard({ item }: { item: RecommendationItem }) {
  return (
    <div className="card">
      <ProductImage image={item.image} />
      <h3 className="card-title line-clamp-2">
        <Link href={`/p/${item.slug}`}>{item.name}</Link>
      </h3>
      <p className="truncate text-xs text-muted">{item.reason}</p>
      <Price amountMinor={item.priceMinor} currency={item.currency} />
    </div>
  );
}
