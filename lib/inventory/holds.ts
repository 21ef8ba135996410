import 'server-only';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { OutOfStockError, type ShortLine } from './errors';
import { ORDER_TX } from '@/lib/db/tx-options';

export type HoldRequest = { variantId: string; quantity: number; sku: string; name: string };

// Reserves every line at one location, one conditional update per line, inside the caller's transaction.
// If any line is short it throws OutOfStockError listing all of them, and the caller's transaction rolls back.
export async function reserveStockTx(tx: Tx, locationId: string, lines: readonly HoldRequest[]): Promise<void> {
  // A fixed order of row locks keeps two multi-line checkouts from deadlocking on each other.
  const sorted = [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  const short: HoldRequest[] = [];
  for (const line of sorted) {
    const updated = await tx.$executeRaw`
      UPDATE "Stock" SET "reserved" = "reserved" + ${line.quantity}, "updatedAt" = now()
      WHERE "variantId" = ${line.variantId} AND "locationId" = ${locationId} AND "onHand" - "reserved" >= ${line.quantity}`;
    if (updated === 0) short.push(line);
  }
  if (!short.length) return;
  const rows = await tx.stock.findMany({
    where: { locationId, variantId: { in: short.map((l) => l.variantId) } },
    select: { variantId: true, onHand: true, reserved: true },
  });
  const available = new Map(rows.map((r) => [r.variantId, Math.max(0, r.onHand - r.reserved)]));
  const shortLines: ShortLine[] = short.map((l) => ({
    variantId: l.variantId,
    sku: l.sku,
    name: l.name,
    requested: l.quantity,
    available: available.get(l.variantId) ?? 0,
  }));
  throw new OutOfStockError(locationId, shortLines);
}

type HoldStatus = 'ACTIVE' | 'RELEASED' | 'CONSUMED';

// One hold movement in one statement: flips the orders' holds from one status to another and moves the stock they
// stand for by the same units (onHand and reserved each change by their sign × the units). A hold that has already
// moved no longer has the `from` status, so repeating a movement moves nothing. Returns how many units moved.
async function moveHoldsTx(
  tx: Tx,
  orderIds: readonly string[],
  move: { from: HoldStatus; to: HoldStatus; onHand: -1 | 0 | 1; reserved: -1 | 0 },
): Promise<number> {
  if (!orderIds.length) return 0;
  const [row] = await tx.$queryRaw<{ units: number }[]>`
    WITH moved AS (
      UPDATE "StockHold" SET "status" = ${move.to}::"StockHoldStatus"
      WHERE "orderId" = ANY(${orderIds}::text[]) AND "status" = ${move.from}::"StockHoldStatus"
      RETURNING "variantId", "locationId", "quantity"
    ), sums AS (
      SELECT "variantId", "locationId", sum("quantity")::int AS q FROM moved GROUP BY 1, 2
    ), stock AS (
      UPDATE "Stock" s SET "onHand" = s."onHand" + ${move.onHand}::int * sums.q,
        "reserved" = s."reserved" + ${move.reserved}::int * sums.q, "updatedAt" = now()
      FROM sums WHERE s."variantId" = sums."variantId" AND s."locationId" = sums."locationId"
      RETURNING sums.q
    )
    SELECT coalesce(sum(q), 0)::int AS units FROM stock`;
  return row?.units ?? 0;
}

// Gives orders' active holds back to the shelf (reserved -= q). Returns how many units were released.
export function releaseHoldsTx(tx: Tx, orderIds: readonly string[]): Promise<number> {
  return moveHoldsTx(tx, orderIds, { from: 'ACTIVE', to: 'RELEASED', onHand: 0, reserved: -1 });
}

// Turns an order's active holds into a sale (onHand -= q, reserved -= q). Safe to repeat: a consumed hold
// is no longer ACTIVE, so the stock moves exactly once.
export function consumeHoldsTx(tx: Tx, orderId: string): Promise<number> {
  return moveHoldsTx(tx, [orderId], { from: 'ACTIVE', to: 'CONSUMED', onHand: -1, reserved: -1 });
}

// A paid order's stock was taken off the shelf when it was paid; it goes back where each hold was consumed.
// The holds flip to RELEASED in the same statement, so the stock moves once even if this ran twice.
export function restockConsumedHoldsTx(tx: Tx, orderId: string): Promise<number> {
  return moveHoldsTx(tx, [orderId], { from: 'CONSUMED', to: 'RELEASED', onHand: 1, reserved: 0 });
}

export async function extendHoldsTx(tx: Tx, orderId: string, expiresAt: Date): Promise<void> {
  await tx.stockHold.updateMany({ where: { orderId, status: 'ACTIVE' }, data: { expiresAt } });
}

export type ExpiryScope = { locationId: string; variantIds: readonly string[] };

// The sweeper: cancels orders whose hold ran out while awaiting payment (or pay-at-pickup collection) and
// releases their stock. Runs on a schedule (releaseExpiredHolds) and lazily inside each checkout's transaction,
// scoped to the stock it needs. Orders another transaction is paying right now are skipped, not waited for.
export async function releaseExpiredHoldsTx(tx: Tx, now: Date, scope?: ExpiryScope): Promise<string[]> {
  let onlyIds: string[] | null = null;
  if (scope) {
    const expired = await tx.stockHold.findMany({
      where: { status: 'ACTIVE', expiresAt: { lt: now }, locationId: scope.locationId, variantId: { in: [...scope.variantIds] } },
      select: { orderId: true },
      distinct: ['orderId'],
    });
    if (!expired.length) return [];
    onlyIds = expired.map((h) => h.orderId);
  }
  return releaseExpiredOrdersTx(tx, now, onlyIds);
}

// The sweeper's writes: cancels those of `onlyIds` (all when null) whose hold ran out and releases their stock. A
// checkout that has already found the expired orders on its stock in its transaction calls this directly.
export async function releaseExpiredOrdersTx(tx: Tx, now: Date, onlyIds: readonly string[] | null): Promise<string[]> {
  if (onlyIds && !onlyIds.length) return [];
  const only = onlyIds ? [...onlyIds] : null;
  const cancelled = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Order" SET "status" = 'CANCELLED', "cancelledAt" = ${now}, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Order"
      WHERE "status" IN ('PENDING', 'CONFIRMED') AND "holdExpiresAt" < ${now}
        AND (${only}::text[] IS NULL OR "id" = ANY(${only}::text[]))
      ORDER BY "holdExpiresAt" LIMIT 500
      FOR UPDATE SKIP LOCKED
    ) AND "status" IN ('PENDING', 'CONFIRMED')
    RETURNING "id"`;
  const ids = cancelled.map((o) => o.id);
  await releaseHoldsTx(tx, ids);
  return ids;
}

export async function releaseExpiredHolds(now: Date = new Date()): Promise<{ cancelledOrderIds: string[] }> {
  const cancelledOrderIds = await db.$transaction((tx) => releaseExpiredHoldsTx(tx, now), ORDER_TX);
  return { cancelledOrderIds };
}
