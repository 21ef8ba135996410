'use client';

import { FormField } from '@/components/ui/form-field';
import type { CartLineView } from '@/lib/cart/types';
import type { Quote } from '@/lib/checkout/quote';
import { fieldId } from './field-ids';
import type { Fulfilment } from './fulfilment-step';
import { OrderReview } from './order-review';
import { UsePoints } from './use-points';

// Step 4 (inside the form's sticky aside): the lines and the server's totals, the points a member may use, and a
// discount code, whose problem shows under it (the server's answer to placing the order, else the quote's).
export function ReviewStep({
  lines,
  quote,
  fulfilment,
  signedIn,
  points,
  onPoints,
  discountCode,
  onDiscountCode,
  discountCodeError,
}: {
  lines: readonly CartLineView[];
  quote: Quote | null;
  fulfilment: Fulfilment;
  signedIn: boolean;
  points: number;
  onPoints: (points: number) => void;
  discountCode: string;
  onDiscountCode: (code: string) => void;
  discountCodeError: string | undefined;
}) {
  const totals = quote?.totals ?? null;
  const quoteError = discountCode.trim() && quote?.discountError ? quote.discountError.message : undefined;
  const error = discountCodeError || quoteError;
  return (
    <>
      <h2 id="review-heading" className="text-lg font-semibold">
        4. Review
      </h2>
      <OrderReview lines={lines} totals={totals} fulfilment={fulfilment} />
      {signedIn && quote?.points && totals && (
        <UsePoints points={quote.points} pointsError={quote.pointsError} currency={totals.currency} value={points} onChange={onPoints} />
      )}
      <FormField
        label="Discount code (optional)"
        id={fieldId('discountCode')}
        name="discountCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={discountCode}
        onChange={(e) => onDiscountCode(e.target.value)}
        errors={error ? [error] : undefined}
      />
    </>
  );
}
