import 'server-only';
import type { CartLineQuantity } from '@/lib/cart/checkout-lines';
import type { CartOwner } from '@/lib/cart/view';
import { db } from '@/lib/db';
import { poolOf } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { locationJson, variantsJson, type PricingRead } from '@/lib/checkout/place-order';
import { limitBuckets, strictest, type LimitName } from '@/lib/rate-limit';
import { bucketResults, countedCte, type CountedRow, type RateLimitResult } from '@/lib/rate-limit/bucket';

// A checkout's first statement (issue 21): the shopper's bag and its lines, the attempt's earlier order (when the
// request carries an Idempotency-Key), the order limits counted, and the store and the variants for pricing, in one
// round trip instead of four. The limits are counted only for a bag with lines whose attempt placed no order yet, as
// they were when each was its own statement.

export type CheckoutRead = {
  // Null: the owner has no bag.
  cart: { cartId: string; version: number; lines: CartLineQuantity[] } | null;
  // The order an earlier request of this attempt placed.
  attempt: string | null;
  // Null: nothing was counted (no lines, or a repeat of the attempt).
  limited: RateLimitResult | null;
  pricing: PricingRead;
};

type Row = {
  cartId: string | null;
  version: number | null;
  attempt: string | null;
  lines: CartLineQuantity[];
  counted: CountedRow[] | null;
} & PricingRead;

// The checkout key (lib/checkout/attempts.ts, checkoutKeyFor) computed in SQL from the bag's id, so that the attempt is
// found in the statement that finds the bag: sha256 of the UTF-8 text, in hex, as node:crypto makes it.
export async function readForCheckout(
  owner: CartOwner,
  idempotencyKey: string | null,
  checks: readonly [LimitName, string][],
  storeId: string | null,
): Promise<CheckoutRead> {
  const empty = { cart: null, attempt: null, limited: null, pricing: { location: null, variants: [] } };
  if (owner.kind === 'guest' && !owner.cartId) return empty;
  const bag =
    owner.kind === 'user' ? Prisma.sql`c."userId" = ${owner.userId}` : Prisma.sql`c."id" = ${owner.cartId ?? ''} AND c."userId" IS NULL`;
  const buckets = limitBuckets(checks);
  const query = Prisma.sql`
    WITH bag AS MATERIALIZED (
      SELECT c."id", c."version" FROM "Cart" c WHERE ${bag}
    ), lines AS MATERIALIZED (
      SELECT l."variantId", l."quantity", l."addedAt" FROM "CartLine" l
      WHERE l."cartId" = (SELECT "id" FROM bag) AND l."quantity" > 0
    ), attempt AS MATERIALIZED (
      SELECT o."id" FROM "Order" o
      WHERE o."checkoutKey" = encode(sha256(convert_to('checkout:' || (SELECT "id" FROM bag) || ':' || ${idempotencyKey}::text, 'UTF8')), 'hex')
    ), ${countedCte(buckets, Prisma.sql`EXISTS (SELECT 1 FROM lines) AND NOT EXISTS (SELECT 1 FROM attempt)`)}
    SELECT (SELECT "id" FROM bag) AS "cartId", (SELECT "version" FROM bag) AS "version", (SELECT "id" FROM attempt) AS "attempt",
      coalesce((SELECT json_agg(json_build_object('variantId', "variantId", 'quantity', "quantity") ORDER BY "addedAt", "variantId")
        FROM lines), '[]'::json) AS "lines",
      (SELECT json_agg(json_build_object('key', "key", 'count', "count", 'elapsed', "elapsed")) FROM counted) AS "counted",
      ${locationJson(storeId)} AS "location", ${variantsJson(Prisma.sql`SELECT "variantId" FROM lines`)} AS "variants"`;
  // A named prepared statement through pg (parsed and planned once per connection, no Prisma pipeline); its text
  // depends only on the owner's kind and how many buckets are counted.
  const name = `checkout_read_${owner.kind}_${buckets.length}`;
  const { rows } = await poolOf(db).query<Row>({ name, text: query.text, values: query.values as unknown[] });
  const row = rows[0];
  if (!row?.cartId || row.version === null) return empty;
  return {
    cart: { cartId: row.cartId, version: row.version, lines: row.lines },
    attempt: row.attempt,
    limited: row.counted ? strictest(bucketResults(buckets, row.counted)) : null,
    pricing: { location: row.location, variants: row.variants },
  };
}
