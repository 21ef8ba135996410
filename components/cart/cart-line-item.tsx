'use client';

import Link from 'next/link';
import type { CartLineView } from '@/lib/cart/types';
import { cn } from '@/lib/utils';
import { QuantityStepper } from './quantity-stepper';

export function CartLineItem({
  line,
  pending,
  onQuantity,
  onRemove,
}: {
  line: CartLineView;
  pending: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const name = line.variantLabel ? `${line.productName} (${line.variantLabel})` : line.productName;
  return (
    <li className="flex gap-3 py-4" data-testid="cart-line" data-variant-id={line.variantId}>
      <div className="size-20 shrink-0 overflow-hidden rounded bg-surface-alt">
        {line.imageUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- small thumbnails of already-optimised catalogue images
          <img src={line.imageUrl} alt={line.imageAlt} width={80} height={80} className="size-full object-cover" loading="lazy" />
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex justify-between gap-2">
          <Link href={`/p/${line.productSlug}`} className="font-medium hover:underline">
            {line.productName}
          </Link>
          <span className={cn('font-semibold tabular-nums', pending && 'opacity-60')} data-testid="line-total">
            {line.lineTotal.formatted}
          </span>
        </div>
        {line.variantLabel && <p className="text-sm text-muted">{line.variantLabel}</p>}
        <p className="text-sm text-muted">{line.unitPrice.formatted} each</p>
        {line.status === 'unavailable' && (
          <p className="text-sm font-medium text-danger" role="status">
            No longer available. Remove it to check out.
          </p>
        )}
        {line.status === 'limited' && (
          <p className="text-sm font-medium text-danger" role="status">
            Only {line.sellable} left. Lower the quantity to check out.
          </p>
        )}
        <div className="mt-1 flex items-center justify-between gap-2">
          <QuantityStepper
            value={line.quantity}
            max={Math.max(line.quantity, Math.min(line.sellable, 99))}
            label={`Quantity of ${name}`}
            onChange={onQuantity}
            disabled={line.status === 'unavailable'}
          />
          <button type="button" onClick={onRemove} className="min-h-11 px-2 text-sm underline" aria-label={`Remove ${name}`}>
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}
