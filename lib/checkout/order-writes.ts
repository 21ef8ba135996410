import 'server-only';
import type { Tx } from '@/lib/db/client';
import { newRowId } from '@/lib/db/ids';
import { Prisma } from '@/lib/generated/prisma/client';
import { OutOfStockError, type ShortLine } from '@/lib/inventory/errors';
import type { HoldRequest } from '@/lib/inventory/holds';
import { randomOrderNumber } from '@/lib/orders/order-number';
import type { SalesChannel } from '@/lib/generated/prisma/enums';
import type { PaymentProviderKind, ShippingAddress } from '@/lib/orders/types';

// Placement's writes as few statements as they can be (issue 21): the stock is held and the order written with its
// lines and holds in one round trip, instead of one per line, per insert and per order-number check.

export type OrderRow = {
  id: string;
  status: 'PENDING' | 'CONFIRMED';
  email: string;
  userId: string | null;
  channel: SalesChannel;
  fulfilment: 'PICKUP' | 'DELIVERY';
  pickupLocationId: string | null;
  paymentProvider: PaymentProviderKind;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  discountCode: string | null;
  pointsRedeemed: number;
  pointsDiscountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  holdExpiresAt: Date;
  placedAt: Date;
  shippingAddress: ShippingAddress | null;
  cartId: string | null;
  checkoutKey: string | null;
  cartVersion: number | null;
  pickupCodeHash: string | null;
  pickupCodeSealed: string | null;
};

export type OrderLineRow = {
  productId: string;
  variantId: string;
  name: string;
  sku: string;
  unitPriceMinor: number;
  quantity: number;
  position: number;
};

type HoldsAt = { locationId: string; expiresAt: Date; requests: readonly HoldRequest[] };

// Holds every line at one location and writes the order, its lines and its stock holds, in one statement; returns the
// order number it got, or throws OutOfStockError naming each short line (the caller's transaction then rolls back
// whatever was held). The stock rows are locked first, in variant order, so two checkouts of the same variants never
// deadlock; each line is held only where the shelf, as it is once locked, has enough (no oversell), and the order is
// written only if every line was. Numbers are random (lib/orders/order-number.ts): a clash (about one in 10¹¹) writes
// no order, and the order alone is written again under a new number, so no statement is spent checking one first.
export async function holdAndInsertOrderTx(tx: Tx, order: OrderRow, lines: readonly OrderLineRow[], holds: HoldsAt): Promise<string> {
  const { requests, locationId } = holds;
  const number = randomOrderNumber();
  const rows = await tx.$queryRaw<{ variantId: string; held: boolean; available: number; placed: string | null }[]>`
    WITH want AS (
      SELECT * FROM unnest(${requests.map((l) => l.variantId)}::text[], ${requests.map((l) => l.quantity)}::int[]) AS w("variantId", "quantity")
    ), locked AS MATERIALIZED (
      SELECT s."variantId", s."onHand", s."reserved" FROM "Stock" s
      WHERE s."locationId" = ${locationId} AND s."variantId" IN (SELECT "variantId" FROM want)
      ORDER BY s."variantId" FOR UPDATE
    ), held AS (
      UPDATE "Stock" s SET "reserved" = s."reserved" + w."quantity", "updatedAt" = now()
      FROM locked l JOIN want w ON w."variantId" = l."variantId"
      WHERE s."locationId" = ${locationId} AND s."variantId" = l."variantId" AND s."onHand" - s."reserved" >= w."quantity"
      RETURNING s."variantId"
    ), ${orderWrites(order, number, lines, holds, Prisma.sql`(SELECT count(*) FROM held) = ${requests.length}::int`)}
    SELECT w."variantId", h."variantId" IS NOT NULL AS "held", GREATEST(coalesce(l."onHand" - l."reserved", 0), 0)::int AS "available",
      (SELECT "id" FROM placed) AS "placed"
    FROM want w LEFT JOIN held h ON h."variantId" = w."variantId" LEFT JOIN locked l ON l."variantId" = w."variantId"`;
  const byId = new Map(rows.map((r) => [r.variantId, r]));
  // Listed in variant order, as the rows were locked.
  const short: ShortLine[] = [...requests]
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0))
    .filter((l) => !byId.get(l.variantId)?.held)
    .map((l) => ({
      variantId: l.variantId,
      sku: l.sku,
      name: l.name,
      requested: l.quantity,
      available: byId.get(l.variantId)?.available ?? 0,
    }));
  if (short.length) throw new OutOfStockError(locationId, short);
  if (rows[0]?.placed) return number;
  // The number was taken: the stock is held, so only the order is written again.
  for (let attempt = 0; attempt < 4; attempt++) {
    const again = randomOrderNumber();
    const inserted = await tx.$queryRaw<
      { id: string }[]
    >`WITH ${orderWrites(order, again, lines, holds, Prisma.sql`true`)} SELECT "id" FROM placed`;
    if (inserted.length) return again;
  }
  throw new Error('Could not find a free order number in five draws.');
}

// The CTEs `placed` (the order, when `when` holds and its number is free), `line` and `hold` (its lines and stock holds).
function orderWrites(o: OrderRow, number: string, lines: readonly OrderLineRow[], holds: HoldsAt, when: Prisma.Sql): Prisma.Sql {
  const column = <K extends keyof OrderLineRow>(key: K) => lines.map((l) => l[key]);
  return Prisma.sql`placed AS (
      INSERT INTO "Order" ("id", "number", "status", "email", "userId", "channel", "fulfilment", "pickupLocationId",
        "paymentProvider", "currency", "subtotalMinor", "discountMinor", "discountCode", "pointsRedeemed",
        "pointsDiscountMinor", "shippingMinor", "taxMinor", "totalMinor", "holdExpiresAt", "placedAt", "createdAt",
        "updatedAt", "shippingAddress", "cartId", "checkoutKey", "cartVersion", "pickupCodeHash", "pickupCodeSealed")
      SELECT ${o.id}, ${number}, ${o.status}::"OrderStatus", ${o.email}, ${o.userId}, ${o.channel}::"SalesChannel",
        ${o.fulfilment}::"Fulfilment", ${o.pickupLocationId}, ${o.paymentProvider}::"PaymentProvider", ${o.currency},
        ${o.subtotalMinor}::int, ${o.discountMinor}::int, ${o.discountCode}, ${o.pointsRedeemed}::int,
        ${o.pointsDiscountMinor}::int, ${o.shippingMinor}::int, ${o.taxMinor}::int, ${o.totalMinor}::int,
        ${o.holdExpiresAt}, ${o.placedAt}, ${o.placedAt}, ${o.placedAt},
        ${o.shippingAddress ? JSON.stringify(o.shippingAddress) : null}::jsonb, ${o.cartId}, ${o.checkoutKey},
        ${o.cartVersion}::int, ${o.pickupCodeHash}, ${o.pickupCodeSealed}
      WHERE ${when}
      ON CONFLICT ("number") DO NOTHING
      RETURNING "id"
    ), line AS (
      INSERT INTO "OrderLine" ("id", "orderId", "productId", "variantId", "name", "sku", "unitPriceMinor", "quantity", "position")
      SELECT x."id", placed."id", x."productId", x."variantId", x."name", x."sku", x."unitPriceMinor", x."quantity", x."position"
      FROM placed, unnest(${lines.map(() => newRowId('ol'))}::text[], ${column('productId')}::text[],
        ${column('variantId')}::text[], ${column('name')}::text[], ${column('sku')}::text[],
        ${column('unitPriceMinor')}::int[], ${column('quantity')}::int[], ${column('position')}::int[])
        AS x("id", "productId", "variantId", "name", "sku", "unitPriceMinor", "quantity", "position")
    ), hold AS (
      INSERT INTO "StockHold" ("id", "orderId", "variantId", "locationId", "quantity", "expiresAt", "status", "createdAt")
      SELECT x."id", placed."id", x."variantId", ${holds.locationId}, x."quantity", ${holds.expiresAt}, 'ACTIVE', ${o.placedAt}
      FROM placed, unnest(${lines.map(() => newRowId('sh'))}::text[], ${column('variantId')}::text[], ${column('quantity')}::int[])
        AS x("id", "variantId", "quantity")
    )`;
}
