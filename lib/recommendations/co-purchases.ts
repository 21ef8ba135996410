// The CoPurchase table: for each unordered pair of products, the number of purchased orders holding both. One rule
// (countCoPurchases) for the seed, the order importer and the live path when an order is paid.
// No 'server-only': the seed and the importer (command-line tools) use it too.
import type { SqlRunner } from '../db/bulk-insert';

/**
 * Orders with more products than this are wholesale restocks that pair everything with everything (one
 * 600-line invoice alone adds 180,000 pairs); they stay orders but are not counted.
 */
export const MAX_COPURCHASE_BASKET = 100;

/** The order statuses that count as a purchase, as an SQL list. */
export const PURCHASED_SQL = `('PAID', 'READY_FOR_PICKUP', 'COMPLETED')`;

export type CoPurchaseCount = { productAId: string; productBId: string; count: number };

// Each basket (an order's product ids, repeats allowed) adds one to every pair of its distinct products, the
// smaller id first (code-unit order, which for our ASCII ids is PostgreSQL's "C" order). Sorted by pair.
export function countCoPurchases(baskets: Iterable<readonly string[]>): CoPurchaseCount[] {
  const counts = new Map<string, number>();
  for (const basket of baskets) {
    const ids = [...new Set(basket)].sort();
    if (ids.length > MAX_COPURCHASE_BASKET) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]} ${ids[j]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return [...counts.keys()].sort().map((key) => {
    const [productAId = '', productBId = ''] = key.split(' ');
    return { productAId, productBId, count: counts.get(key) ?? 0 };
  });
}

const CHUNK = 20_000;

async function upsert(db: SqlRunner, rows: CoPurchaseCount[], onConflict: 'add' | 'set'): Promise<void> {
  const update = onConflict === 'add' ? '"CoPurchase"."count" + EXCLUDED."count"' : 'EXCLUDED."count"';
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.$executeRawUnsafe(
      `INSERT INTO "CoPurchase" ("productAId", "productBId", "count")
       SELECT "productAId", "productBId", "count" FROM json_populate_recordset(NULL::"CoPurchase", $1::json)
       ON CONFLICT ("productAId", "productBId") DO UPDATE SET "count" = ${update}`,
      JSON.stringify(rows.slice(i, i + CHUNK)),
    );
  }
}

/** Adds newly imported purchased orders (as baskets) to the counts, each order once. */
export async function addCoPurchases(db: SqlRunner, baskets: Iterable<readonly string[]>): Promise<void> {
  await upsert(db, countCoPurchases(baskets), 'add');
}

/**
 * Sets the counts of every pair in one order to the number of purchased orders holding both: a recount rather
 * than +1, so calling it twice for the same order changes nothing (the live path when an order is paid).
 */
export async function recountCoPurchases(db: SqlRunner, orderId: string): Promise<void> {
  const mine = await db.$queryRawUnsafe<{ productId: string }[]>(
    'SELECT DISTINCT "productId" FROM "OrderLine" WHERE "orderId" = $1',
    orderId,
  );
  if (mine.length < 2) return;
  const ids = mine.map((row) => row.productId);
  // Every purchased order holding at least two of this order's products, as its whole basket (the wholesale rule
  // looks at the whole order).
  const baskets = await db.$queryRawUnsafe<{ items: string[] }[]>(
    `SELECT array_agg(l."productId") AS "items" FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
     WHERE o."status"::text IN ${PURCHASED_SQL} AND l."orderId" IN (
       SELECT "orderId" FROM "OrderLine" WHERE "productId" = ANY($1::text[]) GROUP BY "orderId" HAVING count(DISTINCT "productId") >= 2
     )
     GROUP BY l."orderId"`,
    ids,
  );
  const wanted = new Set(ids);
  const rows = countCoPurchases(baskets.map((b) => b.items)).filter((r) => wanted.has(r.productAId) && wanted.has(r.productBId));
  await upsert(db, rows, 'set');
}
