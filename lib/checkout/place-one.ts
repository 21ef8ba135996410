import 'server-only';
import { db } from '@/lib/db';
import { poolOf } from '@/lib/db/client';
import { newRowId } from '@/lib/db/ids';
import { AlreadyPlacedError, CartChangedError } from '@/lib/checkout/errors';
import { CHECKED_OUT } from '@/lib/checkout/attempts';
import { draftOrder, placedOrder } from '@/lib/checkout/order-draft';
import type { PlacedOrder, PlaceOrderInput, PricedOrder } from '@/lib/checkout/place-order';
import { OutOfStockError, type ShortLine } from '@/lib/inventory/errors';
import { randomOrderNumber } from '@/lib/orders/order-number';

// The common checkout as one statement (issue 21): the database function checkout_place (migration
// 20261207061500_checkout_place) locks the bag, looks, gives back what the bag's leftovers and expired holds were
// holding, holds the stock and writes the order with its lines and holds, as an implicit transaction of its own. On
// the embedded database a transaction open across round trips holds up every other request, so this path has none.
// A discount code (its row locked and its use counted), points (the ledger's hold) and consent boxes are written by
// the transaction in lib/checkout/checkout.ts instead, as is a bag whose leftover order held points.

export type OnePlacement = { kind: 'placed'; placed: PlacedOrder } | { kind: 'repeat'; orderId: string } | { kind: 'fallback' };

// Whether the order has nothing for checkout_place to leave to the caller's transaction.
export function placesInOne(priced: PricedOrder, consent: unknown): boolean {
  return !priced.discount && !priced.totals.pointsRedeemed && !consent;
}

// Sent through pg as a named prepared statement: parsed and planned once per connection, and without Prisma's own
// work per query. Values go as text; the function's signature types them.
const PLACE_SQL = `SELECT checkout_place(${Array.from({ length: 31 }, (_, i) => `$${i + 1}`).join(', ')}) AS "seen"`;
// Numbers a clash may pass over (each about one in 10^11): more than one clash in a row means something else is wrong.
const NUMBER_DRAWS = 5;

type Seen = {
  attempt?: string;
  version?: number | null;
  done?: { id: string; number: string };
  fallback?: boolean;
  number?: string;
};

export async function placeInOne(
  input: PlaceOrderInput,
  priced: PricedOrder,
  now: Date,
  cart: { cartId: string; version: number },
  checkoutKey: string | null,
): Promise<OnePlacement> {
  const draft = draftOrder(input, priced, now, { checkoutKey, cartVersion: cart.version });
  const o = draft.row;
  const lines = priced.lines;
  const column = <K extends keyof (typeof lines)[number]>(key: K) => lines.map((l) => l[key]);
  const values = [
    cart.cartId,
    cart.version,
    checkoutKey,
    CHECKED_OUT,
    priced.location.id,
    now.toISOString(),
    o.id,
    Array.from({ length: NUMBER_DRAWS }, randomOrderNumber),
    o.status,
    o.email,
    o.userId,
    o.channel,
    o.fulfilment,
    o.pickupLocationId,
    o.paymentProvider,
    o.currency,
    [o.subtotalMinor, o.discountMinor, o.pointsRedeemed, o.pointsDiscountMinor, o.shippingMinor, o.taxMinor, o.totalMinor],
    o.discountCode,
    o.holdExpiresAt.toISOString(),
    o.shippingAddress ? JSON.stringify(o.shippingAddress) : null,
    o.pickupCodeHash,
    o.pickupCodeSealed,
    lines.map(() => newRowId('ol')),
    column('productId'),
    column('variantId'),
    column('name'),
    column('sku'),
    column('unitPriceMinor'),
    column('quantity'),
    column('position'),
    lines.map(() => newRowId('sh')),
  ];
  let seen: Seen;
  try {
    const { rows } = await poolOf(db).query<{ seen: Seen }>({ name: 'checkout_place', text: PLACE_SQL, values });
    seen = rows[0]!.seen;
  } catch (error) {
    throw outOfStock(error, priced) ?? error;
  }
  if (seen.attempt) return { kind: 'repeat', orderId: seen.attempt };
  if (seen.version !== cart.version) throw new CartChangedError();
  if (seen.done) throw new AlreadyPlacedError(seen.done);
  if (seen.fallback || !seen.number) return { kind: 'fallback' };
  return { kind: 'placed', placed: placedOrder(draft, seen.number, priced) };
}

// checkout_place's refusal of a short line (the whole statement undone), as the shopper is told it: each short line,
// in variant order, with what the shelf has.
function outOfStock(error: unknown, priced: PricedOrder): OutOfStockError | null {
  const e = error as { message?: string; detail?: string };
  if (e.message !== 'checkout_out_of_stock' || !e.detail) return null;
  const short = (JSON.parse(e.detail) as { variantId: string; available: number }[]).sort((a, b) =>
    a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0,
  );
  const byId = new Map(priced.lines.map((l) => [l.variantId, l]));
  const lines: ShortLine[] = short.map(({ variantId, available }) => {
    const line = byId.get(variantId);
    return { variantId, sku: line?.sku ?? '', name: line?.name ?? variantId, requested: line?.quantity ?? 0, available };
  });
  return new OutOfStockError(priced.location.id, lines);
}
