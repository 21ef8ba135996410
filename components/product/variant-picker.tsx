'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { AddToCart } from '@/components/cart/add-to-cart';
import { StoreAvailability } from '@/components/stores/store-availability';
import type { ColorSwatch, VariantView } from '@/lib/catalog/types';
import { cn } from '@/lib/utils';
import { useChosenColour } from './chosen-colour';
import { PriceText, type PriceLabels } from './price';

// Prices arrive formatted (priceLabels on the server); priceMinor only finds the cheapest.
export type PickerVariant = Pick<VariantView, 'id' | 'size' | 'color' | 'priceMinor' | 'inStock'> & PriceLabels;
type Selection = { color: string | null; size: string | null };

const noSubscribe = () => () => {};

// Loaded only where something is sold out: most product pages never need its code.
const BackInStock = dynamic(() => import('./back-in-stock').then((m) => m.BackInStock));

// The page is served from cache, so the ?color=&size= of the URL is read here, in the browser.
function useUrlSelection(colors: ColorSwatch[], sizes: string[]): Selection {
  const search = useSyncExternalStore(
    noSubscribe,
    () => window.location.search,
    () => '',
  );
  const params = new URLSearchParams(search);
  const color = colors.find((c) => c.name.toLowerCase() === params.get('color')?.toLowerCase())?.name ?? null;
  const size = sizes.find((s) => s.toLowerCase() === params.get('size')?.toLowerCase()) ?? null;
  return { color, size };
}

export function VariantPicker({
  productId,
  variants,
  colors,
  sizes,
}: {
  productId: string;
  variants: PickerVariant[];
  colors: ColorSwatch[];
  sizes: string[];
}) {
  const fromUrl = useUrlSelection(colors, sizes);
  const [picked, setPicked] = useState<Partial<Selection>>({});
  const color = picked.color ?? fromUrl.color ?? colors[0]?.name ?? null;
  const size = picked.size ?? fromUrl.size ?? (sizes.length === 1 ? sizes[0]! : null);

  // The gallery shows the chosen colour.
  useEffect(() => useChosenColour.setState({ productId, color }), [productId, color]);

  const matches = (v: PickerVariant, c: string | null, s: string | null) =>
    (colors.length === 0 || v.color === c) && (sizes.length === 0 || v.size === s);
  const selected = variants.length === 1 ? variants[0]! : variants.find((v) => matches(v, color, size));
  const soldOut = !variants.some((v) => v.inStock);
  const prices = variants.map((v) => v.priceMinor);
  const cheapest = variants.find((v) => v.priceMinor === Math.min(...prices));

  function choose(change: Partial<Selection>) {
    const next = { ...picked, ...change };
    setPicked(next);
    const url = new URL(window.location.href);
    for (const key of ['color', 'size'] as const) {
      const value = next[key] ?? (key === 'color' ? color : size);
      if (value) url.searchParams.set(key, value);
    }
    window.history.replaceState(window.history.state, '', url);
  }

  const colorInStock = (c: string) => variants.some((v) => v.color === c && v.inStock && (!size || v.size === size));
  const sizeState = (s: string) => {
    const variant = variants.find((v) => v.size === s && (colors.length === 0 || !color || v.color === color));
    return variant ? (variant.inStock ? 'available' : 'sold-out') : 'missing';
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="text-2xl" aria-live="polite">
        {selected ? (
          <PriceText price={selected.price} wasPrice={selected.wasPrice} />
        ) : cheapest ? (
          <PriceText price={cheapest.price} wasPrice={cheapest.wasPrice} from={new Set(prices).size > 1} />
        ) : null}
      </div>

      {colors.length > 0 && (
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">Colour{color && <span className="font-normal text-muted">: {color}</span>}</legend>
          <div className="flex flex-wrap gap-2">
            {colors.map((c) => (
              <label key={c.name}>
                <input
                  type="radio"
                  name="color"
                  value={c.name}
                  checked={color === c.name}
                  onChange={() => choose({ color: c.name })}
                  className="sr-only"
                />
                <span className={cn('opt', !colorInStock(c.name) && 'sold-out')}>
                  <i aria-hidden="true" className="swatch h-5 w-5" style={c.hex ? { background: c.hex } : undefined} />
                  {c.name}
                  {!colorInStock(c.name) && <span className="sr-only"> (sold out)</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {sizes.length > 0 && (
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">Size{size && <span className="font-normal text-muted">: {size}</span>}</legend>
          <div className="flex flex-wrap gap-2">
            {sizes.map((s) => {
              const state = sizeState(s);
              return (
                <label key={s}>
                  <input
                    type="radio"
                    name="size"
                    value={s}
                    checked={size === s}
                    disabled={state === 'missing'}
                    onChange={() => choose({ size: s })}
                    className="sr-only"
                  />
                  <span className={cn('opt', state === 'sold-out' && 'sold-out')}>
                    {s}
                    {state === 'sold-out' && <span className="sr-only"> (sold out)</span>}
                    {state === 'missing' && <span className="sr-only"> (not made in this colour)</span>}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      <p className={cn('text-sm font-medium', !selected ? 'text-muted' : selected.inStock ? 'text-success' : 'text-danger')} role="status">
        {soldOut
          ? 'Sold out'
          : !selected
            ? `Choose a ${colors.length > 0 && !color ? 'colour' : 'size'} to see availability.`
            : selected.inStock
              ? 'In stock: delivery or pickup in store.'
              : 'Sold out online and in our stores.'}
      </p>

      {soldOut || (selected && !selected.inStock) ? (
        <BackInStock variantId={selected?.id ?? null} missing={colors.length > 0 && !color ? 'colour' : 'size'} />
      ) : (
        <AddToCart variantId={selected?.id ?? null} available={Boolean(selected?.inStock)} />
      )}
      <StoreAvailability productId={productId} variantId={selected?.id ?? null} />
    </div>
  );
}
