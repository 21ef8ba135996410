import 'server-only';
import { db } from '@/lib/db';
import type { LoyaltyChannel, LoyaltyEntryKind } from '@/lib/generated/prisma/enums';
import { ensureAccount } from './ledger';
import { spendInWindow } from './orders';
import { nextExpiry, nextTierFor, pointsValueMinor, PROGRAMME, tierFor, type TierId } from './programme';
import { pointsLots } from './sweep';

// What a member sees of their own account. Every function here takes the acting user's id and reads only their
// account: nobody reaches another shopper's points through them.

export type LoyaltySummary = {
  memberId: string;
  balance: number;
  balanceValueMinor: number;
  pending: number;
  // Pending points by the day they become spendable, soonest first.
  pendingBatches: { points: number; availableAt: string }[];
  tier: { id: TierId; name: string; multiplierPercent: number };
  spendMinor: number;
  nextTier: { id: TierId; name: string; remainingMinor: number } | null;
  nextExpiry: { points: number; expiresAt: string } | null;
};

export async function getLoyaltySummary(userId: string, now: Date = new Date()): Promise<LoyaltySummary> {
  const account = await ensureAccount(db, userId);
  const [spendMinor, lots, pendingEarns] = await Promise.all([
    spendInWindow(db, userId, now),
    pointsLots(db, account.id),
    db.$queryRaw<{ points: number; availableAt: Date }[]>`
      SELECT e."points", e."availableAt" FROM "LoyaltyEntry" e
      WHERE e."accountId" = ${account.id} AND e."kind" = 'EARN' AND e."pendingPoints" > 0
        AND NOT EXISTS (SELECT 1 FROM "LoyaltyEntry" m WHERE m."idempotencyKey" IN ('mature:' || e."id", 'reversal:' || e."id"))
      ORDER BY e."availableAt"`,
  ]);
  const tier = tierFor(spendMinor);
  const next = nextTierFor(spendMinor);
  const expiry = nextExpiry(lots, account.balance, now);
  return {
    memberId: account.id,
    balance: account.balance,
    balanceValueMinor: pointsValueMinor(Math.floor(account.balance / PROGRAMME.redeemStepPoints) * PROGRAMME.redeemStepPoints),
    pending: account.pending,
    pendingBatches: pendingEarns.map((e) => ({ points: e.points, availableAt: e.availableAt.toISOString() })),
    tier: { id: tier.id, name: tier.name, multiplierPercent: tier.multiplierPercent },
    spendMinor,
    nextTier: next ? { id: next.tier.id, name: next.tier.name, remainingMinor: next.remainingMinor } : null,
    nextExpiry: expiry ? { points: expiry.points, expiresAt: expiry.expiresAt.toISOString() } : null,
  };
}

export type LedgerEntryView = {
  id: string;
  kind: LoyaltyEntryKind;
  points: number;
  pendingPoints: number;
  channel: LoyaltyChannel;
  storeId: string | null;
  storeName: string | null;
  orderId: string | null;
  orderNumber: string | null;
  note: string | null;
  shortfall: number;
  createdAt: string;
};

export type LedgerPage = { entries: LedgerEntryView[]; nextCursor: string | null };

const PAGE = 20;

// The member's ledger, newest first, a page at a time (cursor: the last entry id of the previous page).
export async function listLedger(userId: string, cursor: string | null = null, limit: number = PAGE): Promise<LedgerPage> {
  const account = await db.loyaltyAccount.findUnique({ where: { userId }, select: { id: true } });
  if (!account) return { entries: [], nextCursor: null };
  const rows = await db.loyaltyEntry.findMany({
    where: { accountId: account.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      kind: true,
      points: true,
      pendingPoints: true,
      channel: true,
      storeId: true,
      orderId: true,
      note: true,
      shortfall: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, limit);
  const storeIds = [...new Set(page.flatMap((r) => (r.storeId ? [r.storeId] : [])))];
  const orderIds = [...new Set(page.flatMap((r) => (r.orderId ? [r.orderId] : [])))];
  const [stores, orders] = await Promise.all([
    storeIds.length ? db.location.findMany({ where: { id: { in: storeIds } }, select: { id: true, name: true } }) : [],
    // Only the member's own orders are linked.
    orderIds.length ? db.order.findMany({ where: { id: { in: orderIds }, userId }, select: { id: true, number: true } }) : [],
  ]);
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const orderNumber = new Map(orders.map((o) => [o.id, o.number]));
  return {
    entries: page.map((r) => ({
      ...r,
      storeName: r.storeId ? (storeName.get(r.storeId) ?? null) : null,
      orderId: r.orderId && orderNumber.has(r.orderId) ? r.orderId : null,
      orderNumber: r.orderId ? (orderNumber.get(r.orderId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

// The cursor must be one of the member's own entries; any other id starts from the top (and reveals nothing).
export async function ownsEntry(userId: string, entryId: string): Promise<boolean> {
  const row = await db.loyaltyEntry.findFirst({ where: { id: entryId, account: { userId } }, select: { id: true } });
  return row !== null;
}
