import 'server-only';
import type { Tx } from '@/lib/db/client';
import { normaliseDiscountCode, TotalsError, type DiscountRule } from '@/lib/checkout/totals';

// Discount codes are rows of the DiscountCode table: the rule (percent or amount, minimum spend) and who may use it
// when (dates, first order only, uses per customer and in all). A customer is the account when signed in and the
// e-mail the order is placed with either way, so a guest's "first order" is the first for that e-mail.
export type Customer = { userId: string | null; email: string | null };

type CodeRow = {
  code: string;
  kind: 'PERCENT' | 'AMOUNT';
  percent: number | null;
  amountMinor: number | null;
  label: string;
  minSubtotalMinor: number | null;
  firstOrderOnly: boolean;
  perCustomerLimit: number | null;
  totalLimit: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  active: boolean;
};

export type Discount = DiscountRule & {
  limits: Omit<CodeRow, 'code' | 'kind' | 'percent' | 'amountMinor' | 'label' | 'minSubtotalMinor' | 'active'>;
};

function toDiscount(row: CodeRow): Discount {
  const { code, label, minSubtotalMinor, firstOrderOnly, perCustomerLimit, totalLimit, startsAt, endsAt } = row;
  const limits = { firstOrderOnly, perCustomerLimit, totalLimit, startsAt, endsAt };
  return row.kind === 'PERCENT'
    ? { code, kind: 'percent', percent: row.percent ?? 0, minSubtotalMinor, label, limits }
    : { code, kind: 'amount', amountMinor: row.amountMinor ?? 0, minSubtotalMinor, label, limits };
}

const notValid = (code: string) => new TotalsError('invalid_discount', `The code ${code} is not valid.`);

function checkDates(discount: Discount, now: Date): void {
  const { startsAt, endsAt } = discount.limits;
  if (startsAt && now < startsAt) throw new TotalsError('invalid_discount', `The code ${discount.code} is not valid yet.`);
  if (endsAt && now >= endsAt) throw new TotalsError('invalid_discount', `The code ${discount.code} has expired.`);
}

// The code as typed, read without a lock (pricing before the order's transaction, and the checkout's quote).
// Null when no code was given; TotalsError when it is unknown, switched off or outside its dates.
export async function findDiscount(client: Tx, typed: string | null | undefined, now: Date = new Date()): Promise<Discount | null> {
  const code = normaliseDiscountCode(typed);
  if (!code) return null;
  const [row] = await client.$queryRaw<CodeRow[]>`SELECT * FROM "DiscountCode" WHERE "code" = ${code}`;
  if (!row?.active) throw notValid(code);
  const discount = toDiscount(row);
  checkDates(discount, now);
  return discount;
}

// In the order's transaction: the code's row locked until it commits, so every other checkout using this code waits
// here and then counts this one's redemption. The rule must still be the one the order was priced with.
export async function lockDiscountTx(tx: Tx, priced: Discount, now: Date): Promise<Discount> {
  const [row] = await tx.$queryRaw<CodeRow[]>`SELECT * FROM "DiscountCode" WHERE "code" = ${priced.code} FOR UPDATE`;
  if (!row?.active) throw notValid(priced.code);
  const locked = toDiscount(row);
  checkDates(locked, now);
  const same = (a: Discount, b: Discount) => JSON.stringify({ ...a, limits: null }) === JSON.stringify({ ...b, limits: null });
  if (!same(locked, priced))
    throw new TotalsError('invalid_discount', `The code ${priced.code} has just changed. Check your total and try again.`);
  return locked;
}

type Usage = { total: number; mine: number; ordered: boolean };

// Who has used the code, counting orders that were not cancelled (a declined or abandoned checkout gives its use
// back), and whether this customer has ordered before at all.
async function usage(client: Tx, discount: Discount, customer: Customer): Promise<Usage> {
  const { totalLimit, perCustomerLimit, firstOrderOnly } = discount.limits;
  const email = customer.email?.trim().toLowerCase() || null;
  const [row] = await client.$queryRaw<Usage[]>`
    SELECT
      CASE WHEN ${totalLimit}::int IS NULL THEN 0 ELSE (
        SELECT count(*) FROM "DiscountRedemption" r JOIN "Order" o ON o."id" = r."orderId"
        WHERE r."code" = ${discount.code} AND o."status" <> 'CANCELLED') END::int AS "total",
      CASE WHEN ${perCustomerLimit}::int IS NULL THEN 0 ELSE (
        SELECT count(*) FROM "DiscountRedemption" r JOIN "Order" o ON o."id" = r."orderId"
        WHERE r."code" = ${discount.code} AND o."status" <> 'CANCELLED' AND (r."email" = ${email} OR r."userId" = ${customer.userId})) END::int AS "mine",
      CASE WHEN ${firstOrderOnly}::boolean THEN EXISTS (
        SELECT 1 FROM "Order" o WHERE o."status" <> 'CANCELLED' AND (o."email" = ${email} OR o."userId" = ${customer.userId})) ELSE false END AS "ordered"`;
  return row ?? { total: 0, mine: 0, ordered: false };
}

// Throws TotalsError when this customer may not use the code now. Without the lock (a quote) the answer can be
// overtaken by another checkout; the order's transaction asks again with the code's row locked.
export async function assertDiscountAllowed(client: Tx, discount: Discount, customer: Customer): Promise<void> {
  const { firstOrderOnly, perCustomerLimit, totalLimit } = discount.limits;
  if (!firstOrderOnly && perCustomerLimit === null && totalLimit === null) return;
  const used = await usage(client, discount, customer);
  if (totalLimit !== null && used.total >= totalLimit)
    throw new TotalsError('discount_not_eligible', `The code ${discount.code} has been used up.`);
  if (firstOrderOnly && used.ordered)
    throw new TotalsError('discount_not_eligible', `The code ${discount.code} is for a first order only: ${discount.label}.`);
  if (perCustomerLimit !== null && used.mine >= perCustomerLimit) {
    throw new TotalsError(
      'discount_not_eligible',
      perCustomerLimit === 1
        ? `You have already used the code ${discount.code}.`
        : `You have used the code ${discount.code} as often as it allows.`,
    );
  }
}

// Records the order's use of the code; call in the order's transaction after lockDiscountTx and assertDiscountAllowed.
export async function redeemDiscountTx(tx: Tx, discount: Discount, orderId: string, customer: Customer): Promise<void> {
  await tx.discountRedemption.create({
    data: { orderId, code: discount.code, userId: customer.userId, email: (customer.email ?? '').trim().toLowerCase() },
    select: { orderId: true },
  });
}
