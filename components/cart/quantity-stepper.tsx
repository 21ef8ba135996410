'use client';

import { MAX_LINE_QUANTITY } from '@/lib/cart/types';
import { cn } from '@/lib/utils';

// − 2 + with 44px targets; the number is announced with the item's name.
export function QuantityStepper({
  value,
  max = MAX_LINE_QUANTITY,
  label,
  onChange,
  disabled,
  className,
}: {
  value: number;
  max?: number;
  label: string;
  onChange: (next: number) => void;
  disabled?: boolean;
  className?: string;
}) {
  const button = 'inline-flex size-11 items-center justify-center text-lg font-semibold disabled:opacity-40';
  return (
    <div role="group" aria-label={label} className={cn('inline-flex items-center rounded border border-border', className)}>
      <button
        type="button"
        className={button}
        aria-label={`Decrease ${label}`}
        disabled={disabled || value <= 1}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output aria-live="polite" aria-label={label} className="min-w-8 text-center tabular-nums">
        {value}
      </output>
      <button
        type="button"
        className={button}
        aria-label={`Increase ${label}`}
        disabled={disabled || value >= max}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
