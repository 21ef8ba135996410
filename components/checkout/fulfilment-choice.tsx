'use client';

const options = [
  { value: 'PICKUP', title: 'Pick up in store', detail: 'Free · choose a store' },
  { value: 'DELIVERY', title: 'Deliver', detail: 'Standard delivery, 2–4 working days' },
] as const;

// Two large radio cards: the choice a thumb makes first. Pickup says when the chosen store would have the order ready
// (its pickup label, from the one ready-by computation in lib/stores/hours.ts), never a general promise.
export function FulfilmentChoice({
  value,
  onChange,
  deliveryLabel,
  pickupLabel,
}: {
  value: 'PICKUP' | 'DELIVERY';
  onChange: (v: 'PICKUP' | 'DELIVERY') => void;
  deliveryLabel: string | null;
  /** The chosen store's "Ready today from 15:30", or null before a store is chosen. */
  pickupLabel: string | null;
}) {
  return (
    <fieldset className="grid grid-cols-2 gap-2">
      <legend className="sr-only">How you get your order</legend>
      {options.map((o) => (
        <label
          key={o.value}
          className="flex min-h-16 cursor-pointer flex-col justify-center rounded border border-border p-3 has-checked:border-2 has-checked:border-brand has-checked:bg-brand-soft has-focus-visible:outline-3 has-focus-visible:outline-focus"
        >
          <span className="flex items-center gap-2 font-semibold">
            <input
              type="radio"
              name="fulfilment"
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="size-5 accent-brand"
            />
            {o.title}
          </span>
          <span className="text-sm text-muted">
            {o.value === 'DELIVERY' && deliveryLabel
              ? `${deliveryLabel} · 2–4 working days`
              : o.value === 'PICKUP' && pickupLabel
                ? `Free · ${pickupLabel}`
                : o.detail}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
