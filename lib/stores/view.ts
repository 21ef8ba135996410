import { distanceKm, formatMiles, kmToMiles, type LatLng } from './geo';
import { computeReadyBy, describeOpenState, openingHoursSchema, type OpeningHours, type PickupClock, type ReadyBy } from './hours';
import { stockLabel, stockLevel, summariseCartAvailability, type CartLineNeed, type StockLevel } from './stock-labels';
import { isValidTimeZone } from './zoned-time';

// A store as read from the database (type STORE), before anything time- or shopper-dependent is added.
export type StoreRecord = {
  id: string;
  slug: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postcode: string;
  phone: string | null;
  latitude: number;
  longitude: number;
  timeZone: string;
  openingHours: unknown;
  pickupEnabled: boolean;
  pickupLeadMinutes: number;
  pickupCutoffMinutes: number;
};

type StoreStock = {
  lines: { variantId: string; quantity: number; available: number; level: StockLevel; label: string }[];
  summary: { availableLines: number; totalLines: number; allAvailable: boolean; label: string };
};

export type StoreView = {
  id: string;
  slug: string;
  name: string;
  address: { line1: string; line2: string | null; city: string; postcode: string };
  phone: string | null;
  latitude: number;
  longitude: number;
  timeZone: string;
  distance: { km: number; miles: number; label: string } | null;
  hours: {
    openNow: boolean;
    today: string;
    todayIntervals: { open: string; close: string }[];
    status: string;
    week: OpeningHours;
  };
  pickup: { enabled: boolean; leadMinutes: number; cutoffMinutes: number; readyBy: ReadyBy | null; label: string };
  stock?: StoreStock;
};

export function parseOpeningHours(value: unknown): OpeningHours {
  const parsed = openingHoursSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function toStoreView(
  store: StoreRecord,
  opts: { now: Date; origin?: LatLng | null; lines?: readonly CartLineNeed[]; available?: ReadonlyMap<string, number> },
): StoreView {
  const timeZone = isValidTimeZone(store.timeZone) ? store.timeZone : 'Europe/London';
  const week = parseOpeningHours(store.openingHours);
  const open = describeOpenState(week, timeZone, opts.now);
  const clock = { hours: week, timeZone, leadMinutes: store.pickupLeadMinutes, cutoffMinutes: store.pickupCutoffMinutes };
  const readyBy = store.pickupEnabled ? computeReadyBy(clock, opts.now) : null;
  const km = opts.origin ? distanceKm(opts.origin, store) : null;
  const view: StoreView = {
    id: store.id,
    slug: store.slug,
    name: store.name,
    address: { line1: store.addressLine1, line2: store.addressLine2, city: store.city, postcode: store.postcode },
    phone: store.phone,
    latitude: store.latitude,
    longitude: store.longitude,
    timeZone,
    distance: km === null ? null : { km: Math.round(km * 100) / 100, miles: Math.round(kmToMiles(km) * 10) / 10, label: formatMiles(km) },
    hours: { openNow: open.openNow, today: open.todayHours, todayIntervals: open.todayIntervals, status: open.status, week },
    pickup: {
      enabled: store.pickupEnabled,
      leadMinutes: store.pickupLeadMinutes,
      cutoffMinutes: store.pickupCutoffMinutes,
      readyBy,
      label: !store.pickupEnabled ? 'Pickup unavailable' : (readyBy?.label ?? 'No pickup times available'),
    },
  };
  if (opts.lines && opts.lines.length > 0) {
    const available = opts.available ?? new Map<string, number>();
    view.stock = {
      lines: opts.lines.map((l) => {
        const n = available.get(l.variantId) ?? 0;
        return { variantId: l.variantId, quantity: l.quantity, available: n, level: stockLevel(n), label: stockLabel(n) };
      }),
      summary: summariseCartAvailability(opts.lines, available),
    };
  }
  return view;
}

/** The store's pickup clock as a view holds it, for a promise made at another time (an order's, from when it was paid). */
export function pickupClockOf(store: Pick<StoreView, 'timeZone' | 'hours' | 'pickup'>): PickupClock {
  return {
    hours: store.hours.week,
    timeZone: store.timeZone,
    leadMinutes: store.pickup.leadMinutes,
    cutoffMinutes: store.pickup.cutoffMinutes,
  };
}

// Nearest first when we know where the shopper is, else alphabetical.
export function orderStores(views: StoreView[]): StoreView[] {
  return [...views].sort((a, b) => (a.distance && b.distance ? a.distance.km - b.distance.km : 0) || a.name.localeCompare(b.name));
}

// The availability API's shape: per variant, units free at each store with the words a shopper reads.
export function describeAvailability(
  variants: readonly { variantId: string; total: number; locations: { locationId: string; available: number }[] }[],
) {
  return {
    variants: variants.map((v) => ({
      variantId: v.variantId,
      total: v.total,
      stores: v.locations.map((l) => ({
        storeId: l.locationId,
        available: l.available,
        level: stockLevel(l.available),
        label: stockLabel(l.available),
      })),
    })),
  };
}
