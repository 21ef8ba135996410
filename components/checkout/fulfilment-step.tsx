'use client';

import type { CartLineView } from '@/lib/cart/types';
import type { Quote } from '@/lib/checkout/quote';
import type { ShortLine } from '@/lib/inventory/errors';
import type { StoreView } from '@/lib/stores/view';
import { AddressFields, type AddressInput } from './address-fields';
import type { FieldErrors } from './field-ids';
import { FulfilmentChoice } from './fulfilment-choice';
import { PickupStore } from './pickup-store';
import { deliveryPrice, ShippingMethod } from './shipping-method';
import { ShortLinesNotice } from './short-lines-notice';

export type Fulfilment = 'PICKUP' | 'DELIVERY';

// Step 2: collect at a store (which one, and when it would be ready) or have it delivered to an address; when stock
// ran out where the shopper asked for it, the ways on.
export function FulfilmentStep({
  fulfilment,
  onFulfilment,
  store,
  onStore,
  onDeliverInstead,
  lines,
  address,
  onAddress,
  quote,
  shortLines,
  errors,
}: {
  fulfilment: Fulfilment;
  onFulfilment: (fulfilment: Fulfilment) => void;
  store: StoreView | null;
  onStore: (store: StoreView) => void;
  onDeliverInstead: () => void;
  lines: readonly CartLineView[];
  address: AddressInput;
  onAddress: (address: AddressInput) => void;
  quote: Quote | null;
  shortLines: readonly ShortLine[];
  errors: FieldErrors;
}) {
  const totals = quote?.totals ?? null;
  return (
    <section aria-labelledby="fulfilment-heading" className="flex flex-col gap-3">
      <h2 id="fulfilment-heading" className="text-lg font-semibold">
        2. Delivery or pickup
      </h2>
      <FulfilmentChoice
        value={fulfilment}
        onChange={onFulfilment}
        deliveryLabel={totals && fulfilment === 'DELIVERY' ? deliveryPrice(totals.shippingMinor, totals.currency) : null}
        pickupLabel={store?.pickup.readyBy ? store.pickup.label : null}
      />
      {fulfilment === 'PICKUP' ? (
        <PickupStore store={store} lines={lines} onChosen={onStore} error={errors.pickupLocationId} />
      ) : (
        <>
          <AddressFields value={address} errors={errors} onChange={onAddress} />
          <ShippingMethod quote={quote} />
        </>
      )}
      {shortLines.length > 0 && (
        <ShortLinesNotice lines={shortLines} fulfilment={fulfilment} pickerLines={lines} onStore={onStore} onDeliver={onDeliverInstead} />
      )}
    </section>
  );
}
