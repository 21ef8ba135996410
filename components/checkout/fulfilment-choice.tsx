'use client';

const options = [
  { value: 'PICKUP', title: 'Pick up in store', detail: 'Free, often ready today' },
  { value: 'DELIVERY', title: 'Deliver', detail: 'Standard delivery, 2–4 working days' },
] as const;

// Two large radio cards: the choice a thumb makes first.
export function FulfilmentChoice({
  value,
  onChange,
  deliveryLabel,
}: {
  value: 'PICKUP' | 'DELIVERY';
  onChange: (v: 'PICKUP' | 'DELIVERY') => void;
  deliveryLabel: string | null;
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
            {o.value === 'DELIVERY' && deliveryLabel ? `${deliveryLabel} · 2–4 working days` : o.detail}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
