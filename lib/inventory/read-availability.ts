import { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/db/client';

// Stores only unless includeWarehouses: the warehouse's stock is for delivery, not for a store's shelf.
export type AvailabilityQuery = { variantIds: readonly string[]; locationId?: string; includeWarehouses?: boolean };
export type VariantAvailability = {
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

type Row = { variantId: string; locationId: string | null; available: number };

// Takes the client as an argument so transactions (and tests) can use it; the app calls getAvailability.
// Every requested variant yields at least one row (LEFT JOINs), so unknown variants and an unknown
// location are told apart without a second query. Locations without a Stock row count as 0.
export async function readAvailability(client: Db | Tx, query: AvailabilityQuery): Promise<AvailabilityResult> {
  const ids = [...new Set(query.variantIds)];
  if (ids.length === 0) return { variants: [], unknownVariantIds: [], locationFound: true };
  const locationId = query.locationId ?? null;
  const includeWarehouses = query.includeWarehouses ?? false;
  const rows = await client.$queryRaw<Row[]>(Prisma.sql`
    SELECT v."id" AS "variantId", l."id" AS "locationId",
           GREATEST(COALESCE(s."onHand" - s."reserved", 0), 0)::int AS "available"
    FROM "Variant" v
    LEFT JOIN "Location" l
      ON (l."type" = 'STORE' OR ${includeWarehouses}::boolean)
     AND (${locationId}::text IS NULL OR l."id" = ${locationId}::text)
    LEFT JOIN "Stock" s ON s."variantId" = v."id" AND s."locationId" = l."id"
    WHERE v."id" = ANY(${ids}::text[])
    ORDER BY v."id", l."id"`);
  const byVariant = new Map<string, VariantAvailability>();
  let locationFound = locationId === null;
  for (const row of rows) {
    let entry = byVariant.get(row.variantId);
    if (!entry) {
      entry = { variantId: row.variantId, total: 0, locations: [] };
      byVariant.set(row.variantId, entry);
    }
    if (row.locationId === null) continue;
    locationFound = true;
    entry.locations.push({ locationId: row.locationId, available: row.available });
    entry.total += row.available;
  }
  return {
    variants: ids.flatMap((id) => byVariant.get(id) ?? []),
    unknownVariantIds: ids.filter((id) => !byVariant.has(id)),
    locationFound,
  };
}

// Units of each variant free at one location, for label and cart summaries.
export function availableAtLocation(result: AvailabilityResult, locationId: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const v of result.variants) map.set(v.variantId, v.locations.find((l) => l.locationId === locationId)?.available ?? 0);
  return map;
}
