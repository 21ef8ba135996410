// The shapes the counter page reads from the staff API (lib/loyalty/openapi.ts describes them).

export type CounterMemberView = {
  memberId: string;
  name: string | null;
  balance: number;
  pending: number;
  tier: { id: string; name: string };
  nextTier: { name: string; remainingMinor: number } | null;
};

// The member attached to the sale: what the lookup answered, and the card text it was found by (the sale sends it
// again, and the server checks it again).
export type CounterMember = { token: string; view: CounterMemberView };

export type CounterLine = { variantId: string; quantity: number; name: string; sku: string };

export type SaleItem = { variantId: string; sku: string; name: string; priceMinor: number; currency: string; onShelf: number };

export type SaleQuote = {
  lines: {
    variantId: string;
    sku: string;
    name: string;
    unitPriceMinor: number;
    quantity: number;
    lineTotalMinor: number;
    onShelf: number;
  }[];
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  pointsRedeemed: number;
  pointsDiscountMinor: number;
  totalMinor: number;
  member: { balance: number; maxPoints: number } | null;
};

export type RecordedSale = {
  orderId: string;
  number: string;
  totalMinor: number;
  pointsRedeemed: number;
  pointsDiscountMinor: number;
  pointsEarned: number;
  repeated: boolean;
};

export const newAttemptKey = (prefix: string) => `${prefix}_${crypto.getRandomValues(new Uint32Array(3)).join('')}`;
