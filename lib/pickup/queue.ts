import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PickupStatus } from '@/lib/generated/prisma/enums';
import { computeReadyBy, type OpeningHours } from '@/lib/stores/hours';
import { parseOpeningHours } from '@/lib/stores/view';
import { toLocalTime, zonedTimeToInstant } from '@/lib/stores/zoned-time';
import { pickupNotFound } from './errors';
import { QUEUE_PAGE_SIZE, QUEUE_TABS, type QueueTab } from './queue-tabs';
import type { PickupCard, QueueResponse } from './schemas';
import { REMINDER_AFTER_DAYS } from './no-show';
import { effectivePickupStatus } from './state';
import { pickedOf } from './substitution-card';

const DAY_MS = 24 * 60 * 60_000;
const { sql, join, empty } = Prisma;

const cardSelect = {
  id: true,
  number: true,
  status: true,
  email: true,
  placedAt: true,
  paidAt: true,
  paymentProvider: true,
  totalMinor: true,
  currency: true,
  pickupLocationId: true,
  user: { select: { name: true } },
  pickup: {
    select: {
      status: true,
      readyAt: true,
      arrivedAt: true,
      collectedAt: true,
      collectedByKind: true,
      collectedByName: true,
      lockedUntil: true,
      lines: {
        select: {
          orderLineId: true,
          status: true,
          substitution: true,
          substituteName: true,
          substituteSku: true,
          substitutionAskedAt: true,
        },
      },
    },
  },
  lines: {
    orderBy: { position: 'asc' },
    select: {
      id: true,
      name: true,
      sku: true,
      quantity: true,
      variant: { select: { size: true, color: true } },
      product: { select: { images: { orderBy: { position: 'asc' }, take: 6, select: { url: true, alt: true, color: true } } } },
    },
  },
} as const satisfies Prisma.OrderSelect;

type CardRow = Prisma.OrderGetPayload<{ select: typeof cardSelect }>;
type StoreClock = {
  id: string;
  name: string;
  hours: OpeningHours;
  timeZone: string;
  pickupLeadMinutes: number;
  pickupCutoffMinutes: number;
};
// The shared ready-by computation (lib/stores/hours.ts) with this store's lead time and last collection before closing.
const clockOf = (s: StoreClock) => ({
  hours: s.hours,
  timeZone: s.timeZone,
  leadMinutes: s.pickupLeadMinutes,
  cutoffMinutes: s.pickupCutoffMinutes,
});

// The promise the shopper was given: the store's lead time from payment (or confirmation), within opening hours.
function readyByOf(row: CardRow, store: StoreClock): Date | null {
  const promised = computeReadyBy(clockOf(store), row.paidAt ?? row.placedAt);
  return promised ? new Date(promised.at) : null;
}

function toCard(row: CardRow, store: StoreClock, now: Date): PickupCard {
  const card = cardOf(row, store, now);
  return { ...card, tabs: tabsOf(card) };
}

function cardOf(row: CardRow, store: StoreClock, now: Date): Omit<PickupCard, 'tabs'> {
  const status = effectivePickupStatus(row.status, row.pickup?.status);
  const readyBy = readyByOf(row, store);
  const picked = new Map(row.pickup?.lines.map((l) => [l.orderLineId, l]) ?? []);
  const kind = row.pickup?.collectedByKind;
  return {
    id: row.id,
    number: row.number,
    storeId: store.id,
    shopperName: row.user?.name?.trim() || row.email.split('@')[0]!,
    status,
    orderStatus: row.status,
    placedAt: row.placedAt.toISOString(),
    readyBy: readyBy?.toISOString() ?? null,
    overdue: Boolean(readyBy && readyBy < now && (status === 'TO_PICK' || status === 'PICKING')),
    // Ready for longer than the reminder's wait: the shopper has been reminded and the no-show sweeper is coming.
    uncollected: Boolean(
      row.pickup?.readyAt &&
      (status === 'READY' || status === 'WAITING') &&
      now.getTime() - row.pickup.readyAt.getTime() > REMINDER_AFTER_DAYS * DAY_MS,
    ),
    arrivedAt: row.pickup?.arrivedAt?.toISOString() ?? null,
    collectedAt: row.pickup?.collectedAt?.toISOString() ?? null,
    collectedBy: kind ? { kind: kind === 'PROXY' ? 'proxy' : 'shopper', name: row.pickup?.collectedByName ?? null } : null,
    // Pay at pickup until the counter takes the money; an online payment (or a recorded counter payment) is paid.
    payment: row.paidAt ? { kind: 'paid' } : { kind: 'due', amountMinor: row.totalMinor, currency: row.currency },
    totalMinor: row.totalMinor,
    currency: row.currency,
    lockedUntil: row.pickup?.lockedUntil && row.pickup.lockedUntil > now ? row.pickup.lockedUntil.toISOString() : null,
    lines: row.lines.map((l) => {
      const images = l.product.images;
      const image = images.find((i) => i.color && i.color === l.variant?.color) ?? images[0];
      return {
        id: l.id,
        name: l.name,
        sku: l.sku,
        quantity: l.quantity,
        size: l.variant?.size ?? null,
        color: l.variant?.color ?? null,
        image: image ? { url: image.url, alt: image.alt } : null,
        ...pickedOf(picked.get(l.id)),
      };
    }),
  };
}

function tabsOf(card: Omit<PickupCard, 'tabs'>): QueueTab[] {
  const tabs: QueueTab[] = [];
  const byStatus: Partial<Record<PickupStatus, QueueTab>> = {
    TO_PICK: 'to_pick',
    PICKING: 'picking',
    READY: 'ready',
    WAITING: 'waiting',
    COLLECTED: 'collected',
  };
  const tab = byStatus[card.status];
  if (tab) tabs.push(tab);
  if (card.overdue || card.uncollected || card.lines.some((l) => l.picked === 'SHORT') || card.lockedUntil) tabs.push('problems');
  return tabs;
}

function startOfStoreDay(now: Date, timeZone: string): Date {
  return zonedTimeToInstant(toLocalTime(now, timeZone), 0, timeZone);
}

async function storeClock(storeId: string): Promise<StoreClock> {
  const store = await db.location.findUnique({
    where: { id: storeId },
    select: { id: true, name: true, openingHours: true, timeZone: true, pickupLeadMinutes: true, pickupCutoffMinutes: true, type: true },
  });
  if (!store || store.type !== 'STORE') throw pickupNotFound();
  return {
    id: store.id,
    name: store.name,
    hours: parseOpeningHours(store.openingHours),
    timeZone: store.timeZone,
    pickupLeadMinutes: store.pickupLeadMinutes,
    pickupCutoffMinutes: store.pickupCutoffMinutes,
  };
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

type QueueScope = { storeId: string; now: Date; dayStart: Date; overdueBefore: Date | null; remindBefore: Date };

function scopeOf(store: StoreClock, now: Date): QueueScope {
  return {
    storeId: store.id,
    now,
    dayStart: startOfStoreDay(now, store.timeZone),
    overdueBefore: overdueBefore(store, now),
    remindBefore: new Date(now.getTime() - REMINDER_AFTER_DAYS * DAY_MS),
  };
}

// The store's queue as rows the database can count, filter and sort: every pickup order paid or confirmed and not
// yet collected, plus those collected today (the store's day), with where each stands (effectivePickupStatus),
// its sort times and whether it is a problem (the same rules as tabsOf, which draws the card). The ids come from
// two index range reads, the store's open orders (Order: pickupLocationId, status) and today's handovers (Pickup:
// locationId, collectedAt), so a store's years of collected orders are never read (UNION: an order once).
function queueRows(s: QueueScope): Prisma.Sql {
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

const TAB_STATE: Record<Exclude<QueueTab, 'problems'>, PickupStatus> = {
  to_pick: 'TO_PICK',
  picking: 'PICKING',
  ready: 'READY',
  waiting: 'WAITING',
  collected: 'COLLECTED',
};

// Each tab's count in one grouped read: an order counts under its status's tab, and under Problems as well.
async function queueCounts(s: QueueScope): Promise<Record<QueueTab, number>> {
  const groups = await db.$queryRaw<{ state: string; problem: boolean; n: number }[]>(
    sql`SELECT state, problem, count(*)::int AS n FROM (${queueRows(s)}) q GROUP BY state, problem`,
  );
  const counts = Object.fromEntries(QUEUE_TABS.map((t) => [t, 0])) as Record<QueueTab, number>;
  for (const { state, problem, n } of groups) {
    const tab = QUEUE_TABS.find((t) => t !== 'problems' && TAB_STATE[t] === state);
    if (tab) counts[tab] += n;
    if (problem) counts.problems += n;
  }
  return counts;
}

// A cursor names the last order of the previous page by its sort time and id (ids break ties), so a page starts
// right after it however the orders before it have moved since.
function encodeCursor(at: Date, id: string): string {
  return `${at.getTime()}.${id}`;
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const dot = cursor.indexOf('.');
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) };
}

// One page of a tab's order ids, in the tab's order: most urgent promised ready-by first (the whole queue when no
// tab is named), the latest collected first on Collected today.
async function queuePageIds(s: QueueScope, tab: QueueTab | null, limit: number, cursor: string | undefined) {
  const newestFirst = tab === 'collected';
  const key = newestFirst ? sql`q."doneKey"` : sql`q."readyKey"`;
  const where: Prisma.Sql[] = [];
  if (tab === 'problems') where.push(sql`q.problem`);
  else if (tab) where.push(sql`q.state = ${TAB_STATE[tab]}`);
  if (cursor) {
    const after = decodeCursor(cursor);
    where.push(newestFirst ? sql`(${key}, q.id) < (${after.at}, ${after.id})` : sql`(${key}, q.id) > (${after.at}, ${after.id})`);
  }
  const order = newestFirst ? sql`ORDER BY ${key} DESC, q.id DESC` : sql`ORDER BY ${key}, q.id`;
  const rows = await db.$queryRaw<{ id: string; key: Date }[]>(sql`
    SELECT q.id, ${key} AS key FROM (${queueRows(s)}) q
    ${where.length ? sql`WHERE ${join(where, ' AND ')}` : empty}
    ${order} LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((r) => r.id), nextCursor: rows.length > limit && last ? encodeCursor(last.key, last.id) : null };
}

// The store's queue, a page at a time: one tab of it (or all of it when no tab is named), in the tab's order, with
// each tab's count for the badges. The caller has already checked the user acts for this store (lib/pickup/access.ts).
export async function storeQueue(
  storeId: string,
  tab: QueueTab | null,
  { limit = QUEUE_PAGE_SIZE, cursor }: { limit?: number; cursor?: string } = {},
  now: Date = new Date(),
): Promise<QueueResponse> {
  const store = await storeClock(storeId);
  const scope = scopeOf(store, now);
  const [counts, page] = await Promise.all([queueCounts(scope), queuePageIds(scope, tab, limit, cursor)]);
  const rows = page.ids.length ? await db.order.findMany({ where: { id: { in: page.ids } }, select: cardSelect }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const orders = page.ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row, store, now)] : [];
  });
  return { store: { id: store.id, name: store.name }, tab, counts, orders, nextCursor: page.nextCursor };
}

// One order for the counter. The caller has already scoped it to the user's stores (requireStaffOfOrder).
export async function staffOrderCard(orderId: string, now: Date = new Date()): Promise<PickupCard> {
  const row = await db.order.findUnique({ where: { id: orderId }, select: cardSelect });
  if (!row?.pickupLocationId) throw pickupNotFound();
  return toCard(row, await storeClock(row.pickupLocationId), now);
}
