import 'server-only';
import { recordLedgerEvents } from '@/lib/analytics/record';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { appendEntry, lockAccountTx, type Client } from './ledger';
import { loyaltyKeys, returnOrderPointsTx } from './orders';
import { expiresAtFor, nextExpiry, pointsDueToExpire, PROGRAMME, type PointsLot } from './programme';

// The loyalty sweep, run from the order sweeper on every instance at once: pending points whose return window has
// closed become spendable, and points past their expiry expire. Each account is handled with its row locked and each
// entry has a unique key, so two sweepers (or a sweep and a cancellation) never move the same points twice.

const DAY_MS = 24 * 60 * 60_000;
const BATCH = 200;
// Earnings are looked at for this long after they fall due; the sweep runs every minute, so this only matters if
// every instance was down for longer.
const LOOKBACK_DAYS = 60;

export type LoyaltySweep = { released: number; matured: number; expired: number };

export async function runLoyaltySweep(now: Date = new Date()): Promise<LoyaltySweep> {
  const released = await releasePointsOfCancelledOrders(now);
  const matured = await matureDuePoints(now);
  const expired = await expireDuePoints(now);
  return { released, matured, expired };
}

// Orders cancelled in bulk when their stock hold ran out (lib/inventory/holds.ts) give their held points back here,
// within a sweep; every other cancellation returns them in its own transaction.
export async function releasePointsOfCancelledOrders(now: Date = new Date()): Promise<number> {
  const orders = await db.$queryRaw<{ orderId: string }[]>`
    SELECT e."orderId" FROM "LoyaltyEntry" e JOIN "Order" o ON o."id" = e."orderId"
    WHERE e."kind" = 'HOLD' AND o."status" = 'CANCELLED' AND e."createdAt" > ${new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS)}
      AND NOT EXISTS (SELECT 1 FROM "LoyaltyEntry" r WHERE r."idempotencyKey" IN ('release:' || e."orderId", 'refund:' || e."orderId"))
    LIMIT ${BATCH}`;
  for (const { orderId } of orders) {
    try {
      await db.$transaction((tx) => returnOrderPointsTx(tx, orderId, now));
    } catch (error) {
      console.error(`[loyalty] returning the points of cancelled order ${orderId} failed`, error);
    }
  }
  return orders.length;
}

// Pending → available, for every earning whose window has closed and that was not taken back.
export async function matureDuePoints(now: Date = new Date()): Promise<number> {
  const due = await db.$queryRaw<{ id: string; accountId: string }[]>`
    SELECT e."id", e."accountId" FROM "LoyaltyEntry" e
    WHERE e."kind" = 'EARN' AND e."pendingPoints" > 0
      AND e."availableAt" <= ${now} AND e."availableAt" > ${new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS)}
      AND NOT EXISTS (SELECT 1 FROM "LoyaltyEntry" m WHERE m."idempotencyKey" IN ('mature:' || e."id", 'reversal:' || e."id"))
    ORDER BY e."availableAt" LIMIT ${BATCH}`;
  let count = 0;
  for (const { id, accountId } of due) {
    try {
      if (await db.$transaction((tx) => matureOneTx(tx, id, accountId, now))) count++;
    } catch (error) {
      console.error(`[loyalty] making points ${id} available failed`, error);
    }
  }
  return count;
}

async function matureOneTx(tx: Tx, earnId: string, accountId: string, now: Date): Promise<boolean> {
  await lockAccountTx(tx, accountId);
  const earn = await tx.loyaltyEntry.findUniqueOrThrow({
    where: { id: earnId },
    select: { points: true, channel: true, orderId: true, storeId: true, availableAt: true },
  });
  // Taken back (a return inside the window) while this sweep was on its way: nothing to make available.
  const reversed = await tx.loyaltyEntry.findUnique({ where: { idempotencyKey: loyaltyKeys.reversal(earnId) }, select: { id: true } });
  if (reversed || !earn.availableAt) return false;
  const result = await appendEntry(
    tx,
    accountId,
    {
      kind: 'EARN',
      points: 0,
      pendingPoints: -earn.points,
      channel: earn.channel,
      orderId: earn.orderId,
      storeId: earn.storeId,
      availableAt: earn.availableAt,
      expiresAt: expiresAtFor(earn.availableAt),
      idempotencyKey: loyaltyKeys.mature(earnId),
      note: 'available',
    },
    now,
  );
  return result.status === 'applied';
}

// The available lots of an account: every entry that made points spendable, with when they expire.
export async function pointsLots(client: Client, accountId: string): Promise<PointsLot[]> {
  const rows = await client.loyaltyEntry.findMany({
    where: { accountId, expiresAt: { not: null } },
    select: { points: true, pendingPoints: true, expiresAt: true },
  });
  return rows.map((r) => ({ points: r.points - r.pendingPoints, expiresAt: r.expiresAt! }));
}

export async function expireDuePoints(now: Date = new Date()): Promise<number> {
  // Accounts with a lot that expired lately (bounded by the same lookback as above).
  const accounts = await db.$queryRaw<{ accountId: string }[]>`
    SELECT DISTINCT "accountId" FROM "LoyaltyEntry"
    WHERE "expiresAt" <= ${now} AND "expiresAt" > ${new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS)}
    LIMIT ${BATCH}`;
  let expired = 0;
  for (const { accountId } of accounts) {
    try {
      const due = await db.$transaction((tx) => expireAccountTx(tx, accountId, now));
      expired += due;
      // Only the sweep whose entry was written records it (another at the same moment finds the key taken).
      if (due) recordLedgerEvents({ accountId, kind: 'EXPIRE', createdAt: now });
    } catch (error) {
      console.error(`[loyalty] expiring points of ${accountId} failed`, error);
    }
  }
  return expired;
}

async function expireAccountTx(tx: Tx, accountId: string, now: Date): Promise<number> {
  const { balance } = await lockAccountTx(tx, accountId);
  const lots = await pointsLots(tx, accountId);
  const due = pointsDueToExpire(lots, balance, now);
  if (due <= 0) return 0;
  const latest = Math.max(...lots.filter((l) => l.expiresAt <= now).map((l) => l.expiresAt.getTime()));
  const result = await appendEntry(
    tx,
    accountId,
    { kind: 'EXPIRE', points: -due, channel: 'ONLINE', idempotencyKey: `expire:${accountId}:${new Date(latest).toISOString()}` },
    now,
  );
  return result.status === 'applied' ? due : 0;
}

export type ExpiringPoints = { userId: string; email: string; points: number; expiresAt: Date };

// For the reminder 30 days before points expire (sent through messaging, issue 18): every member with points that
// will expire within `days`, how many and when.
export async function accountsWithPointsExpiringSoon(
  now: Date = new Date(),
  days: number = PROGRAMME.expiryReminderDays,
): Promise<ExpiringPoints[]> {
  const until = new Date(now.getTime() + days * DAY_MS);
  const accounts = await db.loyaltyAccount.findMany({
    where: { balance: { gt: 0 }, entries: { some: { expiresAt: { gt: now, lte: until } } } },
    select: { id: true, balance: true, user: { select: { id: true, email: true } } },
  });
  const soon: ExpiringPoints[] = [];
  for (const a of accounts) {
    const next = nextExpiry(await pointsLots(db, a.id), a.balance, now);
    if (next && next.expiresAt <= until)
      soon.push({ userId: a.user.id, email: a.user.email, points: next.points, expiresAt: next.expiresAt });
  }
  return soon;
}
