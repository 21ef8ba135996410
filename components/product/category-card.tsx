import Link from 'next/link';
import type { CategorySummary } from '@/lib/catalog/types';
import { pluralize } from '@/lib/utils';
import { ProductImage } from './product-image';

export function CategoryCard({ category }: { category: CategorySummary }) {
  return (
    <article className="group relative overflow-hidden rounded bg-surface-alt">
      <ProductImage image={category.image ? { ...category.image, alt: '' } : null} className="rounded-none" />
      <div className="p-3">
        <h3 className="font-semibold">
          <Link href={`/c/${category.slug}`} className="group-hover:underline after:absolute after:inset-0">
            {category.name}
          </Link>
        </h3>
        <p className="text-sm text-muted">{pluralize(category.productCount, 'product')}</p>
      </div>
    </article>
  );
}
