// The demo shop's discount codes, as rows of the DiscountCode table (the rules live in the data, not in the code).
// The JSON is also what tests/tools/check-client-bundle.mjs looks for in the built browser files.
import codes from './discount-codes.json';

type CodeData = {
  code: string;
  kind: string;
  label: string;
  percent?: number;
  amountMinor?: number;
  minSubtotalMinor?: number;
  firstOrderOnly?: boolean;
  perCustomerLimit?: number;
};

// Every row has every column (a bulk insert takes its columns from the first row).
export function buildDiscountCodes(now: Date) {
  return (codes as CodeData[]).map((c) => ({
    code: c.code,
    kind: c.kind,
    label: c.label,
    percent: c.percent ?? null,
    amountMinor: c.amountMinor ?? null,
    minSubtotalMinor: c.minSubtotalMinor ?? null,
    firstOrderOnly: c.firstOrderOnly ?? false,
    perCustomerLimit: c.perCustomerLimit ?? null,
    totalLimit: null,
    startsAt: null,
    endsAt: null,
    active: true,
    createdAt: now,
    updatedAt: now,
  }));
}
