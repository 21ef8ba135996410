import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PickupStatus } from '@/lib/generated/prisma/enums';
import { computeReadyBy } from '@/lib/stores/hours';
import { toLocalTime, zonedTimeToInstant } from '@/lib/stores/zoned-time';
import { uncollectedBefore } from './queue-card';
import type { QueueTab } from './queue-tabs';
import { clockOf, type StoreClock } from './store-clock';

const DAY_MS = 24 * 60 * 60_000;
const { sql } = Prisma;

function startOfStoreDay(now: Date, timeZone: string): Date {
  return zonedTimeToInstant(toLocalTime(now, timeZone), 0, timeZone);
}

// The moment before which a payment (or confirmation) makes an order to pick overdue now. The promised ready-by
// time only moves later as the payment time does (lead time, then the next open slot), so "ready-by has passed"
// is "paid before this moment", which the database can count and sort by. Found by bisection down to the
// millisecond: about 45 ready-by computations per read, where drawing every card used to compute one each.
// Null when the store has no opening hours (no ready-by time is promised, so nothing is overdue).
function overdueBefore(store: StoreClock, now: Date): Date | null {
  const readyAt = (ms: number) => {
    const promised = computeReadyBy(clockOf(store), new Date(ms));
    return promised ? Date.parse(promised.at) : null;
  };
  const target = now.getTime();
  // A ready-by time is found within two weeks of the payment, so one paid 60 days ago is overdue whatever the hours.
  let late = target - 60 * DAY_MS;
  let onTime = target;
  const first = readyAt(late);
  if (first === null) return null;
  if (first >= target) return new Date(late);
  while (onTime - late > 1) {
    const mid = Math.floor((late + onTime) / 2);
    if ((readyAt(mid) ?? Infinity) < target) late = mid;
    else onTime = mid;
  }
  return new Date(onTime);
}

export type QueueScope = { storeId: string; now: Date; dayStart: Date; overdueBefore: Date | null; remindBefore: Date };

export function scopeOf(store: StoreClock, now: Date): QueueScope {
  return {
    storeId: store.id,
    now,
    dayStart: startOfStoreDay(now, store.timeZone),
    overdueBefore: overdueBefore(store, now),
    remindBefore: uncollectedBefore(now),
  };
}

// The store's queue as rows the database can count, filter and sort: every pickup order paid or confirmed and not
// yet collected, plus those collected today (the store's day), with where each stands (effectivePickupStatus),
// its sort times and whether it is a problem (the same rules as tabsOf, which draws the card). The ids come from
// two index range reads, the store's open orders (Order: pickupLocationId, status) and today's handovers (Pickup:
// locationId, collectedAt), so a store's years of collected orders are never read (UNION: an order once).
export function queueRows(s: QueueScope): Prisma.Sql {
  const overdue = s.overdueBefore ? sql`coalesce(o."paidAt", o."placedAt") < ${s.overdueBefore}` : sql`false`;
  return sql`
    SELECT o.id, st.state, coalesce(o."paidAt", o."placedAt") AS "readyKey",
      coalesce(p."collectedAt", o."paidAt", o."placedAt") AS "doneKey",
      coalesce(
        (st.state IN ('TO_PICK', 'PICKING') AND ${overdue})
        OR (st.state IN ('READY', 'WAITING') AND p."readyAt" < ${s.remindBefore})
        OR p."lockedUntil" > ${s.now}
        OR EXISTS (SELECT 1 FROM "PickupLine" l WHERE l."orderId" = o.id AND l.status = 'SHORT'),
        false
      ) AS problem
    FROM (
      SELECT id FROM "Order" WHERE "pickupLocationId" = ${s.storeId} AND status IN ('PAID', 'CONFIRMED', 'READY_FOR_PICKUP')
      UNION
      SELECT "orderId" FROM "Pickup" WHERE "locationId" = ${s.storeId} AND "collectedAt" >= ${s.dayStart}
    ) ids
    JOIN "Order" o ON o.id = ids.id
    LEFT JOIN "Pickup" p ON p."orderId" = o.id
    CROSS JOIN LATERAL (
      SELECT CASE WHEN o.status = 'COMPLETED' THEN 'COLLECTED' ELSE coalesce(p.status::text, 'TO_PICK') END AS state
    ) st
    WHERE o."pickupLocationId" = ${s.storeId} AND o.fulfilment = 'PICKUP'
      AND (o.status IN ('PAID', 'CONFIRMED', 'READY_FOR_PICKUP') OR (o.status = 'COMPLETED' AND p."collectedAt" >= ${s.dayStart}))`;
}

export const TAB_STATE: Record<Exclude<QueueTab, 'problems'>, PickupStatus> = {
  to_pick: 'TO_PICK',
  picking: 'PICKING',
  ready: 'READY',
  waiting: 'WAITING',
  collected: 'COLLECTED',
};
