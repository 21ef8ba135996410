'use client';

import { useState, type ReactNode } from 'react';
import { buttonClassName } from '@/components/ui/button';
import type { StoreView } from '@/lib/stores/view';
import { StorePicker, type PickerLine } from './store-picker';

// Opens the store picker from anywhere (cart, checkout), showing each store's stock for `lines`.
export function StorePickerButton({
  lines = [],
  onChosen,
  variant = 'secondary',
  className,
  children = 'Choose a store',
}: {
  lines?: readonly PickerLine[];
  onChosen?: (store: StoreView) => void;
  variant?: 'primary' | 'secondary' | 'ghost';
  className?: string;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)} className={buttonClassName(variant, className)}>
        {children}
      </button>
      <StorePicker open={open} onClose={() => setOpen(false)} lines={lines} {...(onChosen ? { onChosen } : {})} />
    </>
  );
}
