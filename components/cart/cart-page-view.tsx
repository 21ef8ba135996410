'use client';

import { CartContents } from './cart-contents';
import { ContinueOnDevice } from './continue-on-device';

export function CartPageView() {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <CartContents />
      <aside className="flex flex-col gap-4">
        <ContinueOnDevice />
      </aside>
    </div>
  );
}
