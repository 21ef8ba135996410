'use client';

import dynamic from 'next/dynamic';
import { useState, type ComponentProps } from 'react';
import type { StorePickerDialog } from './store-picker-dialog';

export type { PickerLine } from './store-picker-dialog';

// The picker's code loads when a shopper first opens it, not with every page: it is most of the header's
// JavaScript, and most visits never open it. Once opened it stays mounted, so it keeps its search and results.
const Dialog = dynamic(() => import('./store-picker-dialog').then((m) => m.StorePickerDialog), { ssr: false });

export function StorePicker(props: ComponentProps<typeof StorePickerDialog>) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  return opened ? <Dialog {...props} /> : null;
}
