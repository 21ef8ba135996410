import { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/db/client';

// Stores only unless includeWarehouses: the warehouse's stock is for delivery, not for a store's shelf.
export type AvailabilityQuery = { variantIds: readonly string[]; locationId?: string; includeWarehouses?: boolean };
type VariantAvailability = {
  variantId: string;
  // Units free to sell across the locations listed.
  total: number;
  locations: { locationId: string; available: number }[];
};
export type AvailabilityResult = {
  variants: VariantAvailability[];
  unknownVariantIds: string[];
  // False when a locationId was asked for and no such location (of the types asked for) exists.
  locationFound: boolean;
};

type Row = { variantId: string; locationIds: string[] | null; stockLocationIds: string[] | null; stockAvailable: number[] | null };

// Takes the client as an argument so transactions (and tests) can use it; the app calls getAvailability.
// One statement, one row per requested variant that exists: the locations asked for (the same on every row), and
// the variant's stock rows read by its primary-key prefix, so a 20-line bag across 50 stores reads about 1,000
// stock rows without joining each to its location. Unknown variants and an unknown location are told apart
// without a second query. Locations without a Stock row count as 0.
export async function readAvailability(client: Db | Tx, query: AvailabilityQuery): Promise<AvailabilityResult> {
  const ids = [...new Set(query.variantIds)];
  if (ids.length === 0) return { variants: [], unknownVariantIds: [], locationFound: true };
  const locationId = query.locationId ?? null;
  const includeWarehouses = query.includeWarehouses ?? false;
  const rows = await client.$queryRaw<Row[]>(Prisma.sql`
    WITH locs AS (
      SELECT array_agg(l."id" ORDER BY l."id") AS "ids" FROM "Location" l
      WHERE (l."type" = 'STORE' OR ${includeWarehouses}::boolean) AND (${locationId}::text IS NULL OR l."id" = ${locationId}::text)
    )
    SELECT v."id" AS "variantId", locs."ids" AS "locationIds", st."stockLocationIds", st."stockAvailable"
    FROM "Variant" v
    CROSS JOIN locs
    LEFT JOIN LATERAL (
      SELECT array_agg(s."locationId") AS "stockLocationIds", array_agg(GREATEST(s."onHand" - s."reserved", 0)::int) AS "stockAvailable"
      FROM "Stock" s WHERE s."variantId" = v."id"
    ) st ON true
    WHERE v."id" = ANY(${ids}::text[])`);
  const locationIds = rows[0]?.locationIds ?? [];
  const byVariant = new Map<string, VariantAvailability>();
  for (const row of rows) {
    const stock = new Map<string, number>();
    row.stockLocationIds?.forEach((id, i) => stock.set(id, row.stockAvailable?.[i] ?? 0));
    const locations = locationIds.map((id) => ({ locationId: id, available: stock.get(id) ?? 0 }));
    byVariant.set(row.variantId, { variantId: row.variantId, total: locations.reduce((sum, l) => sum + l.available, 0), locations });
  }
  return {
    variants: ids.flatMap((id) => byVariant.get(id) ?? []),
    unknownVariantIds: ids.filter((id) => !byVariant.has(id)),
    locationFound: locationId === null || locationIds.length > 0,
  };
}

// Units of each variant free at one location, for label and cart summaries.
export function availableAtLocation(result: AvailabilityResult, locationId: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const v of result.variants) map.set(v.variantId, v.locations.find((l) => l.locationId === locationId)?.available ?? 0);
  return map;
}
