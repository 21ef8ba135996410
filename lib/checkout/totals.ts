// Order totals from database prices, in integer minor units. Pure: callers pass prices they read from the
// database, so a price or total sent by a client never reaches this code.

import { AppError } from '@/lib/errors';
import { redemptionDiscount } from '@/lib/loyalty/programme';

// The numbers the demo order history was generated with (prisma/seed/orders.ts).
export const SHIPPING = { standardMinor: 450, freeFromMinor: 7500 } as const;

// Tax per destination country in basis points (2000 = 20%). Inclusive: shelf prices already contain it, so it
// is shown but not added; exclusive rates are added on top.
type TaxRate = { basisPoints: number; inclusive: boolean; label: string };
const TAX_RATES: Readonly<Record<string, TaxRate>> = {
  GB: { basisPoints: 2000, inclusive: true, label: 'VAT' },
};

// A discount code's rule as read from the DiscountCode table (lib/checkout/discounts.ts checks who may use it and
// when). No code list lives in the code base, so none can reach a browser bundle.
export type DiscountRule =
  | { code: string; kind: 'percent'; percent: number; minSubtotalMinor?: number | null; label: string }
  | { code: string; kind: 'amount'; amountMinor: number; minSubtotalMinor?: number | null; label: string };

type PricedLine = { variantId: string; unitPriceMinor: number; quantity: number };

export type TotalsInput = {
  lines: readonly PricedLine[];
  fulfilment: 'DELIVERY' | 'PICKUP';
  country: string;
  currency: string;
  discount?: DiscountRule | null;
  // Loyalty points the shopper chose to use (checked here against the programme's steps and 50 % cap; the ledger's
  // guarded hold checks the balance).
  points?: number;
};

export type OrderTotals = {
  currency: string;
  lines: { variantId: string; unitPriceMinor: number; quantity: number; lineTotalMinor: number }[];
  subtotalMinor: number;
  discountMinor: number;
  discountCode: string | null;
  pointsRedeemed: number;
  pointsDiscountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxInclusive: boolean;
  taxLabel: string;
  totalMinor: number;
};

export type TotalsErrorCode = 'invalid_discount' | 'discount_not_eligible' | 'unsupported_country' | 'invalid_amount';

export class TotalsError extends AppError {
  declare readonly code: TotalsErrorCode;
  constructor(code: TotalsErrorCode, message: string) {
    super(400, code, message);
  }
}

function assertMinor(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new TotalsError('invalid_amount', `${what} must be a whole number of minor units.`);
}

// a × b / c rounded half up, in integers.
function mulDivRound(a: number, b: number, c: number): number {
  return Math.floor((2 * a * b + c) / (2 * c));
}

export function normaliseDiscountCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim().toUpperCase();
  return trimmed ? trimmed : null;
}

function discountFor(rule: DiscountRule | null | undefined, subtotalMinor: number): number {
  if (!rule) return 0;
  if (rule.minSubtotalMinor != null && subtotalMinor < rule.minSubtotalMinor) {
    throw new TotalsError('discount_not_eligible', `The code ${rule.code} needs a larger order: ${rule.label}.`);
  }
  const off = rule.kind === 'percent' ? Math.floor((subtotalMinor * rule.percent) / 100) : rule.amountMinor;
  return Math.min(off, subtotalMinor);
}

function shippingFor(fulfilment: 'DELIVERY' | 'PICKUP', goodsMinor: number): number {
  if (fulfilment === 'PICKUP' || goodsMinor >= SHIPPING.freeFromMinor) return 0;
  return SHIPPING.standardMinor;
}

export function computeTotals(input: TotalsInput): OrderTotals {
  const rate = TAX_RATES[input.country.toUpperCase()];
  if (!rate) throw new TotalsError('unsupported_country', `We do not deliver to ${input.country} yet.`);
  const lines = input.lines.map((line) => {
    assertMinor(line.unitPriceMinor, 'A price');
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0)
      throw new TotalsError('invalid_amount', 'A quantity must be a positive whole number.');
    return { ...line, lineTotalMinor: line.unitPriceMinor * line.quantity };
  });
  const subtotalMinor = lines.reduce((sum, l) => sum + l.lineTotalMinor, 0);
  const discountCode = input.discount?.code ?? null;
  const discountMinor = discountFor(input.discount, subtotalMinor);
  // The free-delivery threshold applies to what the goods cost after the discount.
  const goodsMinor = subtotalMinor - discountMinor;
  const shippingMinor = shippingFor(input.fulfilment, goodsMinor);
  // Points pay for goods only (never delivery), up to half of them after the code's discount.
  const pointsRedeemed = input.points ?? 0;
  const pointsDiscountMinor = redemptionDiscount(pointsRedeemed, goodsMinor);
  const taxableMinor = goodsMinor - pointsDiscountMinor + shippingMinor;
  const taxMinor = rate.inclusive
    ? mulDivRound(taxableMinor, rate.basisPoints, 10_000 + rate.basisPoints)
    : mulDivRound(taxableMinor, rate.basisPoints, 10_000);
  const totalMinor = taxableMinor + (rate.inclusive ? 0 : taxMinor);
  for (const [value, what] of [
    [totalMinor, 'The total'],
    [taxMinor, 'The tax'],
  ] as const)
    assertMinor(value, what);
  return {
    currency: input.currency,
    lines,
    subtotalMinor,
    discountMinor,
    discountCode,
    pointsRedeemed,
    pointsDiscountMinor,
    shippingMinor,
    taxMinor,
    taxInclusive: rate.inclusive,
    taxLabel: rate.label,
    totalMinor,
  };
}
