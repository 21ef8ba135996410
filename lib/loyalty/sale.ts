import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { newRowId } from '@/lib/db/ids';
import { ORDER_TX } from '@/lib/db/tx-options';
import { newOrderNumber } from '@/lib/orders/order-number';
import { formatMoney } from '@/lib/utils';
import { AppError } from '@/lib/errors';
import { readMemberCard, takeConfirmCode, voidConfirmCode, wrongConfirmCode } from './member-card';
import { LoyaltyError, memberNotFound } from './errors';
import { appendEntry } from './ledger';
import { loyaltyKeys, settleOrderPointsTx } from './orders';
import { priceSale, type PricedSaleLine } from './sale-pricing';

export type InStoreSaleInput = {
  lines: { variantId: string; quantity: number }[];
  memberToken?: string | null;
  // Points the member spends on this sale, with the one-time code from their own phone.
  redeem?: { points: number; confirmCode: string } | null;
  payment: { method: 'card' | 'cash'; amountMinor: number };
  idempotencyKey: string;
};

export type InStoreSale = {
  orderId: string;
  number: string;
  totalMinor: number;
  pointsRedeemed: number;
  pointsDiscountMinor: number;
  pointsEarned: number;
  repeated: boolean;
};

type Member = { id: string; userId: string; email: string };

// A sale at the till: an order with channel IN_STORE, paid and completed at once, its stock taken from this store's
// shelf (guarded: never below what is held for others), attached to the member whose card was scanned, who earns
// points on it like any paid order (pending for the return window). With `redeem`, the member's points come off the
// total in the same transaction, with their one-time code: a wrong code, too few points or an empty shelf writes
// nothing (the wrong code is then voided, as at the counter). Prices come from the database; the payment taken must
// be the total after points. A repeat with the same idempotency key answers with the same order.
export async function recordInStoreSale(
  user: SessionUser,
  storeId: string,
  input: InStoreSaleInput,
  now: Date = new Date(),
): Promise<InStoreSale> {
  const checkoutKey = `sale:${storeId}:${input.idempotencyKey}`;
  const earlier = await saleByKey(checkoutKey);
  if (earlier) return earlier;
  const member = input.memberToken ? await memberFromCard(input.memberToken, now) : null;
  if (input.redeem && !member) throw new LoyaltyError('member_required', 'Scan the member’s card to spend their points.');
  const { lines, totals } = await priceSale(input.lines, input.redeem?.points ?? 0);
  if (input.payment.amountMinor !== totals.totalMinor)
    throw new AppError(
      400,
      'payment_mismatch',
      `The payment must be the sale's total${totals.pointsDiscountMinor ? ' after points' : ''}, ${formatMoney(totals.totalMinor, totals.currency)}.`,
      { amountMinor: totals.totalMinor },
    );

  let sale: { orderId: string; number: string };
  try {
    sale = await db.$transaction(async (tx) => {
      if (input.redeem && !(await takeConfirmCode(tx, member!.id, input.redeem.confirmCode, now))) throw wrongConfirmCode();
      await takeFromShelfTx(tx, storeId, lines, now);
      const id = newRowId('o');
      const number = await newOrderNumber(tx);
      await tx.order.create({
        data: {
          id,
          number,
          status: 'COMPLETED',
          channel: 'IN_STORE',
          fulfilment: 'PICKUP',
          pickupLocationId: storeId,
          userId: member?.userId ?? null,
          email: member?.email ?? `till-${storeId}@in-store.invalid`,
          currency: totals.currency,
          subtotalMinor: totals.subtotalMinor,
          taxMinor: totals.taxMinor,
          totalMinor: totals.totalMinor,
          pointsRedeemed: totals.pointsRedeemed,
          pointsDiscountMinor: totals.pointsDiscountMinor,
          placedAt: now,
          paidAt: now,
          checkoutKey,
          lines: {
            create: lines.map((l) => ({
              productId: l.productId,
              variantId: l.variantId,
              sku: l.sku,
              name: l.name,
              unitPriceMinor: l.unitPriceMinor,
              quantity: l.quantity,
              position: l.position,
            })),
          },
        },
      });
      if (input.redeem) await spendPointsTx(tx, user, storeId, member!, id, input.redeem.points, now);
      await settleOrderPointsTx(tx, id, now);
      await tx.staffAuditEntry.create({
        data: {
          actorId: user.id,
          locationId: storeId,
          orderId: id,
          action: 'sale.recorded',
          details: { payment: input.payment, member: Boolean(member), pointsRedeemed: totals.pointsRedeemed },
        },
      });
      return { orderId: id, number };
    }, ORDER_TX);
  } catch (error) {
    // The same sale sent twice at once: the second meets the first's order (its unique key, or the code it used) and
    // answers with it.
    const raced = await saleByKey(checkoutKey);
    if (raced) return raced;
    if (error instanceof LoyaltyError && error.code === 'wrong_confirm_code') await voidConfirmCode(member!.id);
    throw error;
  }
  recordOrderEvent('IN_STORE_SALE', sale.orderId, { channel: 'IN_STORE', occurredAt: now });
  return {
    ...sale,
    totalMinor: totals.totalMinor,
    pointsRedeemed: totals.pointsRedeemed,
    pointsDiscountMinor: totals.pointsDiscountMinor,
    pointsEarned: await earnedOn(sale.orderId),
    repeated: false,
  };
}

async function memberFromCard(token: string, now: Date): Promise<Member> {
  const account = await db.loyaltyAccount.findUnique({
    where: { id: await readMemberCard(token, now) },
    select: { id: true, userId: true, user: { select: { email: true } } },
  });
  if (!account) throw memberNotFound();
  return { id: account.id, userId: account.userId, email: account.user.email };
}

async function takeFromShelfTx(tx: Tx, storeId: string, lines: readonly PricedSaleLine[], now: Date): Promise<void> {
  for (const l of lines) {
    const taken = await tx.$executeRaw`
      UPDATE "Stock" SET "onHand" = "onHand" - ${l.quantity}::int, "updatedAt" = ${now}
      WHERE "variantId" = ${l.variantId} AND "locationId" = ${storeId} AND "onHand" - "reserved" >= ${l.quantity}::int`;
    if (taken === 1) continue;
    const shelf = await tx.stock.findUnique({
      where: { variantId_locationId: { variantId: l.variantId, locationId: storeId } },
      select: { onHand: true, reserved: true },
    });
    const left = Math.max(0, (shelf?.onHand ?? 0) - (shelf?.reserved ?? 0));
    throw new AppError(409, 'out_of_stock', `Only ${left} of ${l.name} (${l.sku}) on this store's shelf: change the quantity.`, {
      variantId: l.variantId,
      available: left,
    });
  }
}

// The member's points spent on the sale: the ledger's guarded debit, keyed by the order like an online redemption,
// so cancelling the order gives them back once (lib/loyalty/orders.ts).
async function spendPointsTx(tx: Tx, user: SessionUser, storeId: string, member: Member, orderId: string, points: number, now: Date) {
  const result = await appendEntry(
    tx,
    member.id,
    {
      kind: 'REDEEM',
      points: -points,
      channel: 'IN_STORE',
      idempotencyKey: loyaltyKeys.redeem(orderId),
      orderId,
      storeId,
      staffUserId: user.id,
    },
    now,
  );
  if (result.status !== 'applied') throw new LoyaltyError('insufficient_points', 'The member does not have that many points to spend.');
}

async function saleByKey(checkoutKey: string): Promise<InStoreSale | null> {
  const order = await db.order.findUnique({
    where: { checkoutKey },
    select: { id: true, number: true, totalMinor: true, pointsRedeemed: true, pointsDiscountMinor: true },
  });
  if (!order) return null;
  const { id, ...rest } = order;
  return { orderId: id, ...rest, pointsEarned: await earnedOn(id), repeated: true };
}

async function earnedOn(orderId: string): Promise<number> {
  const earn = await db.loyaltyEntry.findFirst({ where: { orderId, kind: 'EARN', pendingPoints: { gt: 0 } }, select: { points: true } });
  return earn?.points ?? 0;
}
