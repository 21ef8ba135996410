import type { Db, Tx } from '@/lib/db/client';
import { availableAtLocation, readAvailability } from '@/lib/inventory/read-availability';
import type { LatLng } from './geo';
import { londonPlaces, postcodeDistrictOf, resolvePlace, type Place, type ResolvedPlace } from './places';
import type { CartLineNeed } from './stock-labels';
import { orderStores, toStoreView, type StoreRecord, type StoreView } from './view';

// The database side of stores, taking the client as an argument so tests and transactions can pass theirs.
// The app calls the wrappers in ./stores.ts.
type Client = Db | Tx;

const storeSelect = {
  id: true,
  slug: true,
  name: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postcode: true,
  phone: true,
  latitude: true,
  longitude: true,
  timeZone: true,
  openingHours: true,
  pickupEnabled: true,
  pickupLeadMinutes: true,
  pickupCutoffMinutes: true,
} as const;

async function readStoreRecords(client: Client): Promise<StoreRecord[]> {
  return client.location.findMany({ where: { type: 'STORE' }, select: storeSelect, orderBy: { name: 'asc' } });
}

async function readStoreRecord(client: Client, id: string): Promise<StoreRecord | null> {
  return client.location.findFirst({ where: { id, type: 'STORE' }, select: storeSelect });
}

// Our gazetteer first, then the stores' own names, postcode districts and towns (a town shared by
// several stores, such as London, says nothing about which is nearest).
function placesFor(stores: readonly StoreRecord[]): Place[] {
  const cityCount = new Map<string, number>();
  for (const s of stores) cityCount.set(s.city, (cityCount.get(s.city) ?? 0) + 1);
  const fromStores = stores.flatMap((s) => {
    const at = { latitude: s.latitude, longitude: s.longitude };
    const district = postcodeDistrictOf(s.postcode);
    return [
      { name: s.name, ...(district ? { postcodeDistrict: district } : {}), ...at },
      ...(cityCount.get(s.city) === 1 ? [{ name: s.city, ...at }] : []),
    ];
  });
  return [...londonPlaces, ...fromStores];
}

export type FindStoresInput = {
  origin?: LatLng;
  near?: string;
  lines?: readonly CartLineNeed[];
  limit?: number;
  now?: Date;
};

export type FindStoresResult =
  | { ok: true; origin: ResolvedPlace | null; stores: StoreView[] }
  | { ok: false; reason: 'place_not_found' }
  | { ok: false; reason: 'unknown_variants'; variantIds: string[] };

// Stores by distance from a point or a typed place, with stock for a product or cart when lines are given.
export async function findStores(client: Client, input: FindStoresInput): Promise<FindStoresResult> {
  const now = input.now ?? new Date();
  const lines = input.lines ?? [];
  const [records, availability] = await Promise.all([
    readStoreRecords(client),
    lines.length ? readAvailability(client, { variantIds: lines.map((l) => l.variantId) }) : null,
  ]);
  if (availability && availability.unknownVariantIds.length)
    return { ok: false, reason: 'unknown_variants', variantIds: availability.unknownVariantIds };
  let origin: ResolvedPlace | null = null;
  if (input.near !== undefined) {
    origin = resolvePlace(input.near, placesFor(records));
    if (!origin) return { ok: false, reason: 'place_not_found' };
  } else if (input.origin) {
    origin = { label: 'your location', ...input.origin };
  }
  const views = records.map((r) =>
    toStoreView(r, {
      now,
      origin,
      lines,
      ...(availability ? { available: availableAtLocation(availability, r.id) } : {}),
    }),
  );
  return { ok: true, origin, stores: orderStores(views).slice(0, input.limit ?? 50) };
}

export async function readStoreView(client: Client, id: string, now = new Date()): Promise<StoreView | null> {
  const record = await readStoreRecord(client, id);
  return record ? toStoreView(record, { now }) : null;
}

// Signed-in shoppers' account preference wins over the cookie a guest session left behind.
export async function readMyStore(
  client: Client,
  input: { userId?: string | null; cookieStoreId?: string | null; now?: Date },
): Promise<StoreView | null> {
  let storeId = input.cookieStoreId ?? null;
  if (input.userId) {
    const user = await client.user.findUnique({ where: { id: input.userId }, select: { preferredStoreId: true } });
    storeId = user?.preferredStoreId ?? storeId;
  }
  return storeId ? readStoreView(client, storeId, input.now) : null;
}

export type SetMyStoreResult = { ok: true; store: StoreView | null } | { ok: false; reason: 'not_found' | 'pickup_unavailable' };

export async function writeMyStore(
  client: Client,
  input: { storeId: string | null; userId?: string | null; now?: Date },
): Promise<SetMyStoreResult> {
  let store: StoreView | null = null;
  if (input.storeId) {
    store = await readStoreView(client, input.storeId, input.now);
    if (!store) return { ok: false, reason: 'not_found' };
    if (!store.pickup.enabled) return { ok: false, reason: 'pickup_unavailable' };
  }
  if (input.userId) {
    await client.user.update({ where: { id: input.userId }, data: { preferredStoreId: input.storeId } });
  }
  return { ok: true, store };
}
