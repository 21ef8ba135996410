import 'server-only';
import type { Tx } from '@/lib/db/client';

type HoldStatus = 'ACTIVE' | 'RELEASED' | 'CONSUMED';
type Move = { from: HoldStatus; to: HoldStatus; onHand: -1 | 0 | 1; reserved: -1 | 0 };

// One hold (not the whole order's, as lib/inventory/holds.ts moves them): a substitute's own hold, or the hold of the
// line it replaces. The hold flips status and the stock moves in one statement; a hold that already moved is no longer
// `from`, so repeating the movement moves nothing.
async function moveHoldTx(tx: Tx, holdId: string, move: Move): Promise<number> {
  const [row] = await tx.$queryRaw<{ units: number }[]>`
    WITH moved AS (
      UPDATE "StockHold" SET "status" = ${move.to}::"StockHoldStatus"
      WHERE "id" = ${holdId} AND "status" = ${move.from}::"StockHoldStatus"
      RETURNING "variantId", "locationId", "quantity"
    ), stock AS (
      UPDATE "Stock" s SET "onHand" = s."onHand" + ${move.onHand}::int * moved."quantity",
        "reserved" = s."reserved" + ${move.reserved}::int * moved."quantity", "updatedAt" = now()
      FROM moved WHERE s."variantId" = moved."variantId" AND s."locationId" = moved."locationId"
      RETURNING moved."quantity"
    )
    SELECT coalesce(sum("quantity"), 0)::int AS units FROM stock`;
  return row?.units ?? 0;
}

// Back on the shelf: an active hold stops reserving; a consumed one (a paid order's sale) is put back.
export async function releaseHoldTx(tx: Tx, holdId: string): Promise<void> {
  const released = await moveHoldTx(tx, holdId, { from: 'ACTIVE', to: 'RELEASED', onHand: 0, reserved: -1 });
  if (!released) await moveHoldTx(tx, holdId, { from: 'CONSUMED', to: 'RELEASED', onHand: 1, reserved: 0 });
}

// A paid order's stock is taken off the shelf when it is paid: an accepted substitute on a paid order is too.
export async function consumeHoldTx(tx: Tx, holdId: string): Promise<void> {
  await moveHoldTx(tx, holdId, { from: 'ACTIVE', to: 'CONSUMED', onHand: -1, reserved: -1 });
}

// The hold an order line stands on: the order's live hold of that variant and quantity.
export async function lineHoldIdTx(tx: Tx, orderId: string, variantId: string | null, quantity: number): Promise<string | null> {
  if (!variantId) return null;
  const hold = await tx.stockHold.findFirst({
    where: { orderId, variantId, quantity, status: { in: ['ACTIVE', 'CONSUMED'] } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return hold?.id ?? null;
}
