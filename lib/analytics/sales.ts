import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { CHANNEL_LABEL, CHANNELS } from './channel';
import { eventScope, type AnalyticsFilter } from './filters';
import type { AnalyticsTable, Column } from './types';

type SalesRow = { key: string | null; orders: number; revenue: number; online: number; pickup: number };

const SALES_COLUMNS: Column[] = [
  { key: 'orders', label: 'Orders', kind: 'count' },
  { key: 'revenue', label: 'Revenue', kind: 'money' },
  { key: 'aov', label: 'Average order', kind: 'money' },
  { key: 'pickupShare', label: 'Pickup share', kind: 'percent' },
];

// Paid orders (ORDER_PAID: online payment, or at the counter for pay at pickup), on the channel they were ordered on,
// and sales at a store's till (IN_STORE_SALE, in store). Pickup: an order paid for collection in a store.
function salesQuery(f: AnalyticsFilter, by: 'channel' | 'storeId') {
  const key = Prisma.raw(by === 'channel' ? `e."channel"::text` : `e."storeId"`);
  return db.$queryRaw<SalesRow[]>`
    SELECT ${key} AS "key", count(*)::int AS "orders", coalesce(sum(e."valueMinor"), 0)::float8 AS "revenue",
      (count(*) FILTER (WHERE e."type" = 'ORDER_PAID'))::int AS "online",
      (count(*) FILTER (WHERE e."type" = 'ORDER_PAID' AND e."storeId" IS NOT NULL))::int AS "pickup"
    FROM "CommerceEvent" e
    WHERE e."type" IN ('ORDER_PAID', 'IN_STORE_SALE') AND ${eventScope(f)}
    GROUP BY 1`;
}

function salesRow(label: string, r: SalesRow | undefined) {
  const orders = r?.orders ?? 0;
  const revenue = r?.revenue ?? 0;
  return {
    label,
    orders,
    revenue,
    aov: orders ? Math.round(revenue / orders) : null,
    pickupShare: r?.online ? r.pickup / r.online : null,
  };
}

export async function salesByChannel(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const rows = await salesQuery(f, 'channel');
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const channels = f.channel ? [f.channel] : CHANNELS;
  return {
    id: 'sales-by-channel',
    title: 'Orders and revenue by channel',
    about:
      'Paid orders by the channel they were placed on (in store: sales at the till): revenue, average order value and the share of online orders collected in a store.',
    columns: [{ key: 'label', label: 'Channel', kind: 'text' }, ...SALES_COLUMNS],
    rows: channels.map((c) => salesRow(CHANNEL_LABEL[c], byKey.get(c))),
    chart: { valueKey: 'revenue' },
    empty: rows.length === 0,
  };
}

export async function salesByStore(f: AnalyticsFilter, storeNames: Map<string, string>): Promise<AnalyticsTable> {
  const rows = await salesQuery(f, 'storeId');
  return {
    id: 'sales-by-store',
    title: 'Orders and revenue by store',
    about: 'Paid orders by the store they are collected from or sold in; delivery orders have no store.',
    columns: [{ key: 'label', label: 'Store', kind: 'text' }, ...SALES_COLUMNS],
    rows: rows
      .map((r) => salesRow(r.key ? (storeNames.get(r.key) ?? 'Closed store') : 'Delivery', r))
      .sort((a, b) => b.revenue - a.revenue || a.label.localeCompare(b.label)),
    chart: { valueKey: 'revenue' },
    empty: rows.length === 0,
  };
}

const FUNNEL: { type: string; label: string }[] = [
  { type: 'PRODUCT_VIEWED', label: 'Product viewed' },
  { type: 'BAG_ADDED', label: 'Added to bag' },
  { type: 'CHECKOUT_STARTED', label: 'Checkout started' },
  { type: 'ORDER_PAID', label: 'Paid' },
];

// Events at each step (not people): a view, an add to the bag, a checkout submitted, an order paid.
export async function funnel(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const [row] = await db.$queryRaw<Record<string, number>[]>`
    SELECT
      (count(*) FILTER (WHERE e."type" = 'PRODUCT_VIEWED'))::int AS "PRODUCT_VIEWED",
      (count(*) FILTER (WHERE e."type" = 'BAG_ADDED'))::int AS "BAG_ADDED",
      (count(*) FILTER (WHERE e."type" = 'CHECKOUT_STARTED'))::int AS "CHECKOUT_STARTED",
      (count(*) FILTER (WHERE e."type" = 'ORDER_PAID'))::int AS "ORDER_PAID"
    FROM "CommerceEvent" e
    WHERE e."type" IN ('PRODUCT_VIEWED', 'BAG_ADDED', 'CHECKOUT_STARTED', 'ORDER_PAID') AND ${eventScope(f)}`;
  const first = row?.PRODUCT_VIEWED ?? 0;
  let previous: number | null = null;
  const rows = FUNNEL.map((step) => {
    const count = row?.[step.type] ?? 0;
    const out = {
      label: step.label,
      count,
      fromPrevious: previous === null ? null : previous ? count / previous : null,
      fromViews: first ? count / first : null,
    };
    previous = count;
    return out;
  });
  return {
    id: 'funnel',
    title: 'Conversion funnel',
    about: 'Events at each step (not people): products viewed, items added to a bag, checkouts started, orders paid.',
    columns: [
      { key: 'label', label: 'Step', kind: 'text' },
      { key: 'count', label: 'Events', kind: 'count' },
      { key: 'fromPrevious', label: 'Of the step before', kind: 'percent' },
      { key: 'fromViews', label: 'Of views', kind: 'percent' },
    ],
    rows,
    chart: { valueKey: 'count' },
    empty: rows.every((r) => r.count === 0),
  };
}
