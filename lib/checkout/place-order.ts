import 'server-only';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import type { SalesChannel } from '@/lib/generated/prisma/enums';
import { OrderError } from '@/lib/orders/errors';
import { releaseExpiredHoldsTx, releaseExpiredOrdersTx } from '@/lib/inventory/holds';
import { holdAndInsertOrderTx } from '@/lib/checkout/order-writes';
import { draftOrder, placedOrder } from '@/lib/checkout/order-draft';
import { assertDiscountAllowed, findDiscount, lockDiscountTx, redeemDiscountTx, type Discount } from '@/lib/checkout/discounts';
import { computeTotals, type OrderTotals } from '@/lib/checkout/totals';
import { holdPointsForOrderTx } from '@/lib/loyalty/orders';
import { LoyaltyRuleError } from '@/lib/loyalty/programme';
import type { OrderSummary, PaymentProviderKind, ShippingAddress } from '@/lib/orders/types';
import { ORDER_TX } from '@/lib/db/tx-options';

export type PlaceOrderInput = {
  // Only variant ids and quantities are taken from the caller (the cart); prices come from the database.
  lines: readonly { variantId: string; quantity: number }[];
  email: string;
  userId: string | null;
  channel: SalesChannel;
  paymentProvider: PaymentProviderKind;
  discountCode?: string | null;
  // The bag the lines came from: its ordered lines are removed once the order is paid or confirmed.
  cartId?: string | null;
  // Loyalty points to use (a multiple of 100; signed-in shoppers only). The server checks the cap and the balance.
  points?: number;
} & (
  | { fulfilment: 'PICKUP'; pickupLocationId: string; shippingAddress?: undefined }
  | { fulfilment: 'DELIVERY'; shippingAddress: ShippingAddress; pickupLocationId?: undefined }
);

export type PlacedOrder = { order: OrderSummary; locationId: string; pickupCode: string | null };

export type VariantRow = {
  id: string;
  sku: string;
  size: string | null;
  color: string | null;
  priceMinor: number;
  currency: string;
  productId: string;
  productName: string;
};

function mergeLines(lines: PlaceOrderInput['lines']): Map<string, number> {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.variantId, (merged.get(l.variantId) ?? 0) + l.quantity);
  return merged;
}

type OrderLocation = { id: string; country: string; openingHours: unknown; timeZone: string };
export type LocationRow = OrderLocation & { type: string; pickupEnabled: boolean };

// The store (or, for delivery, the first warehouse) and the variants with their products, in one statement: every
// round trip a checkout makes costs the embedded database about as much as the query itself (issue 21).
async function readLocationAndVariants(client: Tx, input: PlaceOrderInput, variantIds: readonly string[]): Promise<PricingRead> {
  const [row] = await client.$queryRaw<PricingRead[]>`
    SELECT ${locationJson(input.fulfilment === 'PICKUP' ? input.pickupLocationId : null)} AS "location", ${variantsJson(Prisma.sql`SELECT unnest(${[...variantIds]}::text[])`)} AS "variants"`;
  return { location: row?.location ?? null, variants: row?.variants ?? [] };
}

// The pickup store `storeId` (for delivery, null: the first warehouse) as JSON, and the variants `ids` (a subquery) with their products: what
// pricing reads, as expressions that the checkout's first statement (lib/checkout/checkout-read.ts) selects too.
export function locationJson(storeId: string | null): Prisma.Sql {
  return Prisma.sql`(
      SELECT json_build_object('id', l."id", 'type', l."type", 'pickupEnabled', l."pickupEnabled", 'country', l."country",
        'openingHours', l."openingHours", 'timeZone', l."timeZone")
      FROM "Location" l
      WHERE (${storeId}::text IS NOT NULL AND l."id" = ${storeId}::text) OR (${storeId}::text IS NULL AND l."type" = 'WAREHOUSE')
      ORDER BY l."code" LIMIT 1
    )`;
}

export function variantsJson(ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((
      SELECT json_agg(json_build_object('id', v."id", 'sku', v."sku", 'size', v."size", 'color', v."color",
        'priceMinor', v."priceMinor", 'currency', v."currency", 'productId', v."productId", 'productName', p."name"))
      FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
      WHERE v."id" IN (${ids})
    ), '[]'::json)`;
}

function orderLocation(input: PlaceOrderInput, found: LocationRow | null): OrderLocation {
  if (input.fulfilment === 'PICKUP') {
    if (!found || found.type !== 'STORE' || !found.pickupEnabled)
      throw new OrderError('store_unavailable', 'That store does not offer pickup. Choose another store or delivery.');
    return { id: found.id, country: found.country, openingHours: found.openingHours, timeZone: found.timeZone };
  }
  if (!found) throw new OrderError('warehouse_missing', 'Delivery is unavailable right now. Try pickup in a store.');
  return { id: found.id, country: input.shippingAddress.country, openingHours: null, timeZone: found.timeZone };
}

type PricedLine = {
  variantId: string;
  quantity: number;
  position: number;
  productId: string;
  sku: string;
  unitPriceMinor: number;
  name: string;
};

// The order as priced from the database: where its stock comes from, its lines and totals. Nothing is written.
export type PricedOrder = { location: OrderLocation; lines: PricedLine[]; totals: OrderTotals; discount: Discount | null };

// Reads the store (or warehouse) and the variants' prices and prices the order. It needs no transaction, so a
// checkout reads before it opens one and holds the database (the embedded one serves a transaction at a time) only
// for its writes; read inside the transaction, these rows would be no fresher. Throws OrderError or TotalsError.
export async function priceOrder(client: Tx, input: PlaceOrderInput, now: Date = new Date()): Promise<PricedOrder> {
  assertOrderInput(input);
  const ids = [...mergeLines(input.lines).keys()];
  if (!ids.length) throw new OrderError('empty_order', 'Your bag is empty.');
  const read = await readLocationAndVariants(client, input, ids);
  return priceFrom(client, input, read, now);
}

// The checks priceOrder makes before reading anything.
export function assertOrderInput(input: PlaceOrderInput): void {
  if (input.fulfilment === 'DELIVERY' && !input.shippingAddress) throw new OrderError('address_required', 'Add a delivery address.');
  if (input.paymentProvider === 'PAY_AT_PICKUP' && input.fulfilment !== 'PICKUP')
    throw new OrderError('payment_not_allowed', 'Pay at pickup is only for orders collected in a store.');
}

// What pricing reads: the store (or warehouse) as a JSON object and the lines' variants with their products.
export type PricingRead = { location: LocationRow | null; variants: VariantRow[] };

// Prices the order from what was read for it (a discount code's row is read here, when one was typed).
export async function priceFrom(client: Tx, input: PlaceOrderInput, read: PricingRead, now: Date = new Date()): Promise<PricedOrder> {
  const quantities = mergeLines(input.lines);
  if (!quantities.size) throw new OrderError('empty_order', 'Your bag is empty.');
  const location = orderLocation(input, read.location);
  const variants = read.variants;
  const byId = new Map(variants.map((v) => [v.id, v]));
  const missing = [...quantities.keys()].filter((id) => !byId.has(id));
  if (missing.length) throw new OrderError('variant_not_found', 'An item in your bag is no longer sold. Remove it and try again.');
  if (variants.some((v) => v.currency !== env.SHOP_CURRENCY))
    throw new OrderError('currency_mismatch', 'An item in your bag is priced in another currency.');

  const lines = [...quantities].map(([variantId, quantity], position) => {
    const v = byId.get(variantId)!;
    const label = [v.color, v.size].filter(Boolean).join(' / ');
    return {
      variantId,
      quantity,
      position,
      productId: v.productId,
      sku: v.sku,
      unitPriceMinor: v.priceMinor,
      name: label ? `${v.productName} – ${label}` : v.productName,
    };
  });
  const discount = await findDiscount(client, input.discountCode, now);
  if (input.points && !input.userId) throw new LoyaltyRuleError('invalid_points', 'Sign in to use your points.');
  const totals = computeTotals({
    lines,
    fulfilment: input.fulfilment,
    country: location.country,
    currency: env.SHOP_CURRENCY,
    discount,
    points: input.points ?? 0,
  });
  return { location, lines, totals, discount };
}

// What the checkout adds to the order row: the attempt's key and the bag version it was placed from; and, when it has
// already looked in this transaction (lib/checkout/attempts.ts), the orders whose holds on this stock ran out.
export type CheckoutMarks = { checkoutKey?: string | null; cartVersion?: number | null; expiredOrderIds?: readonly string[] };

// Writes the order, its lines and its stock holds in the caller's transaction, and returns the order as written
// (built here rather than read back). An online payment's order is PENDING until paid; a pay-at-pickup order is
// CONFIRMED at once, in this same transaction, so no second checkout of the bag can slip in between. A discount
// code's limits are checked with its row locked and its use recorded here too. Throws OutOfStockError or
// TotalsError; nothing is kept once the transaction rolls back.
export async function writePendingOrder(
  tx: Tx,
  input: PlaceOrderInput,
  priced: PricedOrder,
  now: Date = new Date(),
  marks: CheckoutMarks = {},
): Promise<PlacedOrder> {
  const { location, lines } = priced;
  const customer = { userId: input.userId, email: input.email };
  const discount = priced.discount ? await lockDiscountTx(tx, priced.discount, now) : null;
  if (discount) await assertDiscountAllowed(tx, discount, customer);
  const draft = draftOrder(input, priced, now, marks);
  // Holds that expired on this stock go back first: nobody is refused stock that only an abandoned checkout was
  // sitting on.
  if (marks.expiredOrderIds) await releaseExpiredOrdersTx(tx, now, marks.expiredOrderIds);
  else await releaseExpiredHoldsTx(tx, now, { locationId: location.id, variantIds: draft.holds.map((h) => h.variantId) });
  // The stock held and the order written with its lines and holds in one statement (lib/checkout/order-writes.ts),
  // which also draws the number; a refused line writes nothing.
  const number = await holdAndInsertOrderTx(tx, draft.row, lines, {
    locationId: location.id,
    expiresAt: draft.row.holdExpiresAt,
    requests: draft.holds,
  });
  const placed = placedOrder(draft, number, priced);
  const { order } = placed;
  if (discount) await redeemDiscountTx(tx, discount, order.id, customer);
  // The points are held with the order, like its stock (lib/loyalty/orders.ts): spent when it is paid, back if not.
  if (order.pointsRedeemed && input.userId)
    await holdPointsForOrderTx(
      tx,
      { userId: input.userId, orderId: order.id, points: order.pointsRedeemed, channel: input.channel, storeId: order.pickupLocationId },
      now,
    );
  return placed;
}

// Prices and writes the order in the caller's transaction.
async function createPendingOrder(tx: Tx, input: PlaceOrderInput, now: Date = new Date()): Promise<PlacedOrder> {
  return writePendingOrder(tx, input, await priceOrder(tx, input, now), now);
}

// One transaction: expired holds on the same stock released, then order, lines and holds.
export function placeOrder(input: PlaceOrderInput, now: Date = new Date()): Promise<PlacedOrder> {
  return db.$transaction((tx) => createPendingOrder(tx, input, now), ORDER_TX);
}
