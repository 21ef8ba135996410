import 'server-only';
import { db } from '@/lib/db';
import { eventScope, type AnalyticsFilter } from './filters';
import type { AnalyticsTable } from './types';

type ServiceRow = {
  storeId: string | null;
  everyStore: number;
  orders: number;
  readyMedian: number | null;
  readyP90: number | null;
  collectMedian: number | null;
  collectP90: number | null;
  collected: number;
  notCollected: number;
};

// Pickup orders placed in the range (the channel filter is the one they were ordered on), with the first time each
// was ready and collected, or given up as not collected, whenever that was. Minutes; one row per store and one for all.
// One pass over the order steps since the range's start, grouped by order (every step follows the order's placing):
// looking each placed order's steps up one at a time cost an index probe per order.
export async function pickupService(f: AnalyticsFilter, storeNames: Map<string, string>): Promise<AnalyticsTable> {
  const rows = await db.$queryRaw<ServiceRow[]>`
    WITH journeys AS (
      SELECT e."orderId",
        min(e."storeId") FILTER (WHERE e."type" = 'ORDER_PLACED') AS "storeId",
        min(e."occurredAt") FILTER (WHERE e."type" = 'ORDER_PLACED') AS "at",
        min(e."occurredAt") FILTER (WHERE e."type" = 'ORDER_READY') AS "ready",
        min(e."occurredAt") FILTER (WHERE e."type" = 'ORDER_COLLECTED') AS "collected",
        bool_or(e."type" = 'ORDER_NOT_COLLECTED') AS "notCollected"
      FROM "CommerceEvent" e
      WHERE e."type" IN ('ORDER_PLACED', 'ORDER_READY', 'ORDER_COLLECTED', 'ORDER_NOT_COLLECTED') AND e."occurredAt" >= ${f.start}
        AND e."orderId" IS NOT NULL
      GROUP BY e."orderId"
      HAVING bool_or(e."type" = 'ORDER_PLACED' AND e."storeId" IS NOT NULL AND ${eventScope(f)})
    )
    SELECT p."storeId", GROUPING(p."storeId")::int AS "everyStore", count(*)::int AS "orders",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p."ready" - p."at") / 60) AS "readyMedian",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM p."ready" - p."at") / 60) AS "readyP90",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p."collected" - p."ready") / 60) AS "collectMedian",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM p."collected" - p."ready") / 60) AS "collectP90",
      count(p."collected")::int AS "collected",
      (count(*) FILTER (WHERE p."notCollected"))::int AS "notCollected"
    FROM journeys p
    GROUP BY GROUPING SETS ((p."storeId"), ())`;
  const ordered = [...rows].sort((a, b) => a.everyStore - b.everyStore || name(a, storeNames).localeCompare(name(b, storeNames)));
  return {
    id: 'pickup-service',
    title: 'Pickup service',
    about:
      'Pickup orders placed in the range: minutes from placed to ready and from ready to collected (median and 90th percentile), and the share of orders whose wait ended that were not collected.',
    columns: [
      { key: 'label', label: 'Store', kind: 'text' },
      { key: 'orders', label: 'Pickup orders', kind: 'count' },
      { key: 'readyMedian', label: 'Placed to ready, median', kind: 'minutes' },
      { key: 'readyP90', label: 'Placed to ready, p90', kind: 'minutes' },
      { key: 'collectMedian', label: 'Ready to collected, median', kind: 'minutes' },
      { key: 'collectP90', label: 'Ready to collected, p90', kind: 'minutes' },
      { key: 'notCollectedRate', label: 'Not collected', kind: 'percent' },
    ],
    rows: ordered.map((r) => ({
      label: name(r, storeNames),
      orders: r.orders,
      readyMedian: r.readyMedian,
      readyP90: r.readyP90,
      collectMedian: r.collectMedian,
      collectP90: r.collectP90,
      notCollectedRate: r.collected + r.notCollected ? r.notCollected / (r.collected + r.notCollected) : null,
    })),
    chart: { valueKey: 'readyMedian' },
    empty: rows.length === 0,
  };
}

function name(r: ServiceRow, storeNames: Map<string, string>) {
  if (r.everyStore) return 'All stores';
  return r.storeId ? (storeNames.get(r.storeId) ?? 'Closed store') : 'No store';
}

const SUBSTITUTION_STEPS = [
  ['SUBSTITUTION_OFFERED', 'Substitute offered'],
  ['SUBSTITUTION_ACCEPTED', 'Accepted'],
  ['SUBSTITUTION_DECLINED', 'Declined'],
  ['SUBSTITUTION_EXPIRED', 'Not answered in time'],
] as const;

// Substitutes offered by the store and the shoppers' answers (store filter only: offers are made in store, answers
// on the shopper's device).
export async function substitutions(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const rows = await db.$queryRaw<{ type: string; count: number }[]>`
    SELECT e."type"::text AS "type", count(*)::int AS "count" FROM "CommerceEvent" e
    WHERE e."type" IN ('SUBSTITUTION_OFFERED', 'SUBSTITUTION_ACCEPTED', 'SUBSTITUTION_DECLINED', 'SUBSTITUTION_EXPIRED')
      AND ${eventScope(f, 'e', { channel: false })}
    GROUP BY 1`;
  const count = new Map(rows.map((r) => [r.type, r.count]));
  const offered = count.get('SUBSTITUTION_OFFERED') ?? 0;
  return {
    id: 'substitutions',
    title: 'Substitutions',
    about: 'Substitutes offered for items a store could not find, and how shoppers answered.',
    columns: [
      { key: 'label', label: 'Step', kind: 'text' },
      { key: 'count', label: 'Lines', kind: 'count' },
      { key: 'share', label: 'Of offered', kind: 'percent' },
    ],
    rows: SUBSTITUTION_STEPS.map(([type, label]) => ({
      label,
      count: count.get(type) ?? 0,
      share: offered ? (count.get(type) ?? 0) / offered : null,
    })),
    chart: { valueKey: 'count' },
    empty: rows.length === 0,
  };
}
