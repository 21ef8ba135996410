'use client';

import type { ReactNode } from 'react';
import { CartContents } from './cart-contents';
import { ContinueOnDevice } from './continue-on-device';

export function CartPageView({ wallet = null }: { wallet?: ReactNode }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <CartContents />
      <aside className="flex flex-col gap-4">
        {wallet}
        <ContinueOnDevice />
      </aside>
    </div>
  );
}
