import 'server-only';
import { db } from '@/lib/db';
import { pointsValueMinor } from '@/lib/loyalty/programme';
import { eventScope, type AnalyticsFilter } from './filters';
import type { AnalyticsTable } from './types';

type LoyaltyRow = {
  earned: number;
  earnedValue: number;
  spent: number;
  spentValue: number;
  outstanding: number;
  paidOrders: number;
  memberOrders: number;
};

// Points issued and spent from POINTS_EARNED / POINTS_SPENT events (quantity: points, valueMinor: their worth in
// pence). The outstanding liability is the points ledger's own sum at the range's end (every member's balance and
// pending points then): it also holds what no event says, such as welcome points, adjustments and points returned.
export async function loyalty(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const [row] = await db.$queryRaw<LoyaltyRow[]>`
    WITH range AS (
      SELECT
        coalesce(sum(e."quantity") FILTER (WHERE e."type" = 'POINTS_EARNED'), 0)::float8 AS "earned",
        coalesce(sum(e."valueMinor") FILTER (WHERE e."type" = 'POINTS_EARNED'), 0)::float8 AS "earnedValue",
        coalesce(sum(e."quantity") FILTER (WHERE e."type" = 'POINTS_SPENT'), 0)::float8 AS "spent",
        coalesce(sum(e."valueMinor") FILTER (WHERE e."type" = 'POINTS_SPENT'), 0)::float8 AS "spentValue"
      FROM "CommerceEvent" e WHERE e."type" IN ('POINTS_EARNED', 'POINTS_SPENT') AND ${eventScope(f)}
    ), balance AS (
      SELECT coalesce(sum(l."points"), 0)::float8 AS "outstanding" FROM "LoyaltyEntry" l WHERE l."createdAt" < ${f.end}
    ), members AS (
      SELECT DISTINCT m."customerId" FROM "CommerceEvent" m
      WHERE m."type" = 'POINTS_EARNED' AND m."customerId" IS NOT NULL AND m."occurredAt" < ${f.end}
    ), orders AS (
      SELECT count(*)::int AS "paidOrders", count(m."customerId")::int AS "memberOrders"
      FROM "CommerceEvent" e LEFT JOIN members m ON m."customerId" = e."customerId"
      WHERE e."type" IN ('ORDER_PAID', 'IN_STORE_SALE') AND ${eventScope(f)}
    )
    SELECT * FROM range, balance, orders`;
  const r = row!;
  const hasPoints = r.earned !== 0 || r.spent !== 0 || r.outstanding !== 0;
  return {
    id: 'loyalty',
    title: 'Loyalty',
    about:
      'Points issued and spent in the range with their worth, the points outstanding at its end (the liability, from the points ledger), and the share of paid orders by members (customers who have earned points).',
    columns: [
      { key: 'label', label: 'Measure', kind: 'text' },
      { key: 'points', label: 'Points', kind: 'points' },
      { key: 'value', label: 'Worth', kind: 'money' },
      { key: 'share', label: 'Share', kind: 'percent' },
    ],
    rows: [
      { label: 'Points issued', points: r.earned, value: r.earnedValue, share: null },
      { label: 'Points spent', points: r.spent, value: r.spentValue, share: null },
      { label: 'Outstanding (liability)', points: r.outstanding, value: pointsValueMinor(r.outstanding), share: null },
      { label: 'Paid orders by members', points: null, value: null, share: r.paidOrders ? r.memberOrders / r.paidOrders : null },
    ],
    chart: { valueKey: 'points' },
    empty: !hasPoints,
  };
}

type ReminderRow = { sent: number; opened: number; bought: number };

// Bags reminded about in the range (REMINDER_SENT with the cart id; several messages for one bag count once); opened:
// bags opened from a reminder link (REMINDER_OPENED); bought: a reminded bag paid for within 7 days of its first reminder.
export async function bagReminders(f: AnalyticsFilter): Promise<AnalyticsTable> {
  const [row] = await db.$queryRaw<ReminderRow[]>`
    WITH sent AS (
      SELECT e."cartId", min(e."occurredAt") AS "at" FROM "CommerceEvent" e
      WHERE e."type" = 'REMINDER_SENT' AND ${eventScope(f, 'e', { channel: false })} GROUP BY 1
    )
    SELECT (SELECT count(*) FROM sent)::int AS "sent",
      (SELECT count(DISTINCT e."cartId") FROM "CommerceEvent" e WHERE e."type" = 'REMINDER_OPENED' AND ${eventScope(f)})::int AS "opened",
      (SELECT count(*) FROM sent s WHERE EXISTS (SELECT 1 FROM "CommerceEvent" p
        WHERE p."type" = 'ORDER_PAID' AND p."cartId" = s."cartId" AND p."occurredAt" >= s."at"
          AND p."occurredAt" < s."at" + interval '7 days'))::int AS "bought"`;
  const r = row ?? { sent: 0, opened: 0, bought: 0 };
  return {
    id: 'reminders',
    title: 'Bag reminders',
    about: 'Reminders sent about a bag left behind, bags opened from a reminder, and reminded bags bought within 7 days.',
    columns: [
      { key: 'label', label: 'Step', kind: 'text' },
      { key: 'count', label: 'Count', kind: 'count' },
      { key: 'share', label: 'Of bags reminded', kind: 'percent' },
    ],
    rows: [
      { label: 'Bags reminded', count: r.sent, share: null },
      { label: 'Opened the bag', count: r.opened, share: r.sent ? r.opened / r.sent : null },
      { label: 'Bought', count: r.bought, share: r.sent ? r.bought / r.sent : null },
    ],
    chart: { valueKey: 'count' },
    empty: r.sent === 0,
  };
}
