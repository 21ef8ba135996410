import { buttonClassName } from '@/components/ui/button';
import type { PlacedOrder } from './checkout-client';

// The foot of the review: an order placed and waiting for Stripe, the form's error (announced), and the submit button.
export function PlaceOrderPanel({
  placed,
  formError,
  placing,
  disabled,
  label,
}: {
  placed: PlacedOrder | null;
  formError: string | null;
  placing: boolean;
  disabled: boolean;
  label: string;
}) {
  return (
    <>
      {placed?.order.holdExpiresAt && placed.payment.provider === 'STRIPE' && (
        <p className="text-sm text-muted">Order {placed.order.number} is waiting for your payment.</p>
      )}
      <p id="checkout-error" role="alert" className="min-h-6 text-sm font-medium text-danger">
        {formError}
      </p>
      <button
        type="submit"
        disabled={placing || disabled}
        className={buttonClassName('primary', 'w-full text-lg')}
        data-testid="place-order"
      >
        {placing ? 'Placing your order…' : label}
      </button>
      <p className="text-xs text-muted">Prices include VAT. Totals are confirmed by our server when you place the order.</p>
    </>
  );
}
