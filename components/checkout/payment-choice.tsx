'use client';

export type Payment = 'online' | 'pay_at_pickup';

// For pickup orders: pay now (when online payment is on) or at the counter.
export function PaymentChoice({
  online,
  value,
  onChange,
}: {
  online: 'STRIPE' | 'DEMO' | null;
  value: Payment;
  onChange: (v: Payment) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">How to pay</legend>
      {online && (
        <label className="flex min-h-11 items-center gap-3 rounded border border-border px-3 has-checked:border-brand">
          <input
            type="radio"
            name="payment"
            value="online"
            checked={value === 'online'}
            onChange={() => onChange('online')}
            className="size-5 accent-brand"
          />
          Pay now {online === 'DEMO' ? '(test payment)' : 'by card or wallet'}
        </label>
      )}
      <label className="flex min-h-11 items-center gap-3 rounded border border-border px-3 has-checked:border-brand">
        <input
          type="radio"
          name="payment"
          value="pay_at_pickup"
          checked={value === 'pay_at_pickup'}
          onChange={() => onChange('pay_at_pickup')}
          className="size-5 accent-brand"
        />
        Pay at pickup (we hold it until the store closes tomorrow)
      </label>
    </fieldset>
  );
}
