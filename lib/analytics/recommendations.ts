import 'server-only';
import { db } from '@/lib/db';
import { eventScope, type AnalyticsFilter } from './filters';
import type { AnalyticsTable } from './types';

// Revenue from a clicked item: a paid order by the same shopper (customer, else anonymous id) placed within this
// long after the click, with a line for the clicked product. Each order line counts once, for its latest click.
const ATTRIBUTION_DAYS = 7;

type ShelfRow = { shelf: string; shown: number; clicks: number; revenue: number };

export async function recommendationShelves(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const rows = await db.$queryRaw<ShelfRow[]>`
    WITH shown AS (
      SELECT e."shelf", count(*)::int AS "shown" FROM "CommerceEvent" e
      WHERE e."type" = 'REC_SHOWN' AND e."shelf" IS NOT NULL AND ${eventScope(f)} GROUP BY 1
    ), clicks AS (
      SELECT e."shelf", e."productId", e."occurredAt", coalesce(e."customerId", e."anonymousId") AS "visitor"
      FROM "CommerceEvent" e
      WHERE e."type" = 'REC_CLICKED' AND e."shelf" IS NOT NULL AND ${eventScope(f)}
    ), placed AS (
      SELECT p."orderId", p."occurredAt", coalesce(p."customerId", p."anonymousId") AS "visitor" FROM "CommerceEvent" p
      WHERE p."type" = 'ORDER_PLACED' AND p."occurredAt" >= ${f.start}
        AND p."occurredAt" < ${f.end}::timestamp + make_interval(days => ${ATTRIBUTION_DAYS})
        AND coalesce(p."customerId", p."anonymousId") IN (SELECT "visitor" FROM clicks)
        AND EXISTS (SELECT 1 FROM "CommerceEvent" paid WHERE paid."orderId" = p."orderId" AND paid."type" = 'ORDER_PAID')
    ), attributed AS (
      SELECT DISTINCT ON (l."id") c."shelf", l."unitPriceMinor" * l."quantity" AS "value"
      FROM clicks c
      JOIN placed p ON p."visitor" = c."visitor" AND p."occurredAt" >= c."occurredAt"
        AND p."occurredAt" < c."occurredAt" + make_interval(days => ${ATTRIBUTION_DAYS})
      JOIN "OrderLine" l ON l."orderId" = p."orderId" AND l."productId" = c."productId"
      ORDER BY l."id", c."occurredAt" DESC
    ), clicked AS (SELECT "shelf", count(*)::int AS "clicks" FROM clicks GROUP BY 1),
    revenue AS (SELECT "shelf", sum("value")::float8 AS "revenue" FROM attributed GROUP BY 1)
    SELECT coalesce(s."shelf", c."shelf") AS "shelf", coalesce(s."shown", 0) AS "shown", coalesce(c."clicks", 0) AS "clicks",
      coalesce(r."revenue", 0) AS "revenue"
    FROM shown s FULL JOIN clicked c ON c."shelf" = s."shelf" LEFT JOIN revenue r ON r."shelf" = coalesce(s."shelf", c."shelf")
    ORDER BY 1`;
  return {
    id: 'recommendations',
    title: 'Recommendations',
    about: `Each shelf's times shown, clicks, click-through rate, and revenue from clicked items bought within ${ATTRIBUTION_DAYS} days by the same shopper.`,
    columns: [
      { key: 'label', label: 'Shelf', kind: 'text' },
      { key: 'shown', label: 'Shown', kind: 'count' },
      { key: 'clicks', label: 'Clicks', kind: 'count' },
      { key: 'ctr', label: 'Click-through', kind: 'percent' },
      { key: 'revenue', label: 'Revenue from clicks', kind: 'money' },
    ],
    rows: rows.map((r) => ({
      label: r.shelf,
      shown: r.shown,
      clicks: r.clicks,
      ctr: r.shown ? r.clicks / r.shown : null,
      revenue: r.revenue,
    })),
    chart: { valueKey: 'ctr' },
    empty: rows.length === 0,
  };
}
