import Link from 'next/link';
import { Price } from '@/components/product/price';
import { ProductImage } from '@/components/product/product-image';
import type { RecommendationItem } from '@/lib/recommendations/schemas';

// One recommended product: the whole card is one link named by the product, with its price and why it is
// suggested. The name takes two lines at most (its full text is the link's name); the price always shows under
// it, and the reason is shown in full.
export function RecommendationCard({ item }: { item: RecommendationItem }) {
  return (
    <div className="card">
      <ProductImage image={item.image} />
      <h3 className="card-title line-clamp-2 min-h-[2.7em]" title={item.name}>
        <Link href={`/p/${item.slug}`}>{item.name}</Link>
      </h3>
      <Price amountMinor={item.priceMinor} currency={item.currency} />
      <p className="text-xs text-muted">{item.reason}</p>
    </div>
  );
}
