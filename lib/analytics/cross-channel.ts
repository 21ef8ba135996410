import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EventChannel } from '@/lib/generated/prisma/enums';
import { CHANNEL_LABEL } from './channel';
import { eventScope, type AnalyticsFilter } from './filters';
import type { AnalyticsTable } from './types';

type PairRow = { startedOn: EventChannel; boughtOn: EventChannel; orders: number; otherDevice: number };

// Paid orders placed in the range, by where their bag was started (the first add to the bag since the bag's previous
// order) and where they were placed. Another device: another channel, or another browser (anonymous id).
// The bag's start is on the order's ORDER_PLACED row (written with it, bag-start.ts), so the table is two reads by
// (type, time) matched by hash; an order whose row lacks it (recorded before the columns, or its first add was still
// queued) is looked up here, two index lookups on (cartId, type, occurredAt).
export async function crossDeviceBags(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const rows = await db.$queryRaw<PairRow[]>`
    WITH paid AS MATERIALIZED (
      SELECT DISTINCT e."orderId" FROM "CommerceEvent" e
      WHERE e."type" = 'ORDER_PAID' AND e."orderId" IS NOT NULL AND e."occurredAt" >= ${f.start}
    ), placed AS MATERIALIZED (
      SELECT e."orderId", e."cartId", e."channel", e."anonymousId", e."occurredAt", e."bagChannel", e."bagAnonymousId"
      FROM "CommerceEvent" e
      WHERE e."type" = 'ORDER_PLACED' AND e."cartId" IS NOT NULL AND ${eventScope(f)}
    ), started AS (
      SELECT p."channel", p."anonymousId", p."bagChannel" AS "startedOn", p."bagAnonymousId" AS "startedIn"
      FROM placed p WHERE p."bagChannel" IS NOT NULL AND p."orderId" IN (SELECT "orderId" FROM paid)
      UNION ALL
      SELECT p."channel", p."anonymousId", looked."channel", looked."anonymousId"
      FROM placed p
      CROSS JOIN LATERAL (
        SELECT b."channel", b."anonymousId" FROM "CommerceEvent" b
        WHERE b."cartId" = p."cartId" AND b."type" = 'BAG_ADDED' AND b."occurredAt" <= p."occurredAt"
          AND b."occurredAt" > coalesce((SELECT max(q."occurredAt") FROM "CommerceEvent" q
            WHERE q."cartId" = p."cartId" AND q."type" = 'ORDER_PLACED' AND q."occurredAt" < p."occurredAt"), '-infinity')
        ORDER BY b."occurredAt" LIMIT 1
      ) looked
      WHERE p."bagChannel" IS NULL AND p."orderId" IN (SELECT "orderId" FROM paid)
    )
    SELECT s."startedOn", s."channel" AS "boughtOn", count(*)::int AS "orders",
      (count(*) FILTER (WHERE s."startedOn" <> s."channel"
        OR (s."startedIn" IS NOT NULL AND s."anonymousId" IS NOT NULL AND s."startedIn" <> s."anonymousId")))::int AS "otherDevice"
    FROM started s
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return {
    id: 'cross-device',
    title: 'Bags started on one device and bought on another',
    about: 'Paid orders by where the bag was started and where it was bought; another device is another channel or another browser.',
    columns: [
      { key: 'label', label: 'Started on, bought on', kind: 'text' },
      { key: 'orders', label: 'Paid orders', kind: 'count' },
      { key: 'otherDevice', label: 'On another device', kind: 'count' },
      { key: 'share', label: 'Share on another device', kind: 'percent' },
    ],
    rows: rows.map((r) => ({
      label: `${CHANNEL_LABEL[r.startedOn]} → ${CHANNEL_LABEL[r.boughtOn]}`,
      orders: r.orders,
      otherDevice: r.otherDevice,
      share: r.orders ? r.otherDevice / r.orders : null,
    })),
    chart: { valueKey: 'otherDevice' },
    empty: rows.length === 0,
  };
}

// Orders handed over at a store's counter in the range, by the channel they were ordered on.
export async function collectedInStore(f: AnalyticsFilter, storeNames: Map<string, string>): Promise<AnalyticsTable> {
  const rows = await db.$queryRaw<{ storeId: string | null; channel: EventChannel | null; orders: number }[]>`
    SELECT c."storeId", p."channel", count(*)::int AS "orders"
    FROM "CommerceEvent" c
    LEFT JOIN LATERAL (
      SELECT o."channel" FROM "CommerceEvent" o WHERE o."orderId" = c."orderId" AND o."type" = 'ORDER_PLACED' LIMIT 1
    ) p ON true
    WHERE c."type" = 'ORDER_COLLECTED' AND ${eventScope(f, 'c', { channel: false })}
      ${f.channel ? Prisma.sql`AND p."channel" = ${f.channel}::"EventChannel"` : Prisma.empty}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return {
    id: 'collected-in-store',
    title: 'Online orders collected in store',
    about: 'Orders handed over at a store counter, by the store and the channel they were ordered on.',
    columns: [
      { key: 'label', label: 'Store, ordered on', kind: 'text' },
      { key: 'orders', label: 'Collected', kind: 'count' },
    ],
    rows: rows.map((r) => ({
      label: `${r.storeId ? (storeNames.get(r.storeId) ?? 'Closed store') : 'No store'}, ${r.channel ? CHANNEL_LABEL[r.channel] : 'not recorded'}`,
      orders: r.orders,
    })),
    chart: { valueKey: 'orders' },
    empty: rows.length === 0,
  };
}

type PointsRow = { earnedOn: EventChannel; spentOn: EventChannel; customers: number; points: number };

// Customers who spent points in the range on another channel than one they earned them on (up to the range's end).
export async function crossChannelPoints(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const rows = await db.$queryRaw<PointsRow[]>`
    WITH spent AS (
      SELECT e."customerId", e."channel", sum(e."quantity")::float8 AS "points" FROM "CommerceEvent" e
      WHERE e."type" = 'POINTS_SPENT' AND e."customerId" IS NOT NULL AND ${eventScope(f, 'e', { channel: false })}
      GROUP BY 1, 2
    ), earned AS (
      SELECT DISTINCT e."customerId", e."channel" FROM "CommerceEvent" e
      WHERE e."type" = 'POINTS_EARNED' AND e."occurredAt" < ${f.end} AND e."customerId" IN (SELECT "customerId" FROM spent)
    )
    SELECT earned."channel" AS "earnedOn", spent."channel" AS "spentOn", count(DISTINCT spent."customerId")::int AS "customers",
      sum(spent."points")::float8 AS "points"
    FROM spent JOIN earned ON earned."customerId" = spent."customerId" AND earned."channel" <> spent."channel"
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return {
    id: 'cross-channel-points',
    title: 'Points earned in one channel and spent in another',
    about: 'Members who spent points in the range on a channel other than one where they earned points.',
    columns: [
      { key: 'label', label: 'Earned on, spent on', kind: 'text' },
      { key: 'customers', label: 'Members', kind: 'count' },
      { key: 'points', label: 'Points spent', kind: 'points' },
    ],
    rows: rows.map((r) => ({
      label: `${CHANNEL_LABEL[r.earnedOn]} → ${CHANNEL_LABEL[r.spentOn]}`,
      customers: r.customers,
      points: r.points,
    })),
    chart: { valueKey: 'customers' },
    empty: rows.length === 0,
  };
}
