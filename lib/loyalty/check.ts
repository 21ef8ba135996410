// The ledger check (`npm run loyalty:check`, scripts/loyalty-check.ts): for every account, the sum of its entries
// must equal balance + pending, and the sum of their pending parts must equal pending. One query over the whole
// ledger; any account that disagrees is listed. No 'server-only': the command-line tool runs it outside Next.
import type { PrismaClient } from '../generated/prisma/client';

export type LedgerDifference = {
  accountId: string;
  userId: string;
  balance: number;
  pending: number;
  entriesTotal: number;
  entriesPending: number;
};

export type LedgerCheck = { accounts: number; differences: LedgerDifference[] };

export async function checkLedger(db: Pick<PrismaClient, '$queryRaw'>): Promise<LedgerCheck> {
  const rows = await db.$queryRaw<(LedgerDifference & { ok: boolean })[]>`
    SELECT a."id" AS "accountId", a."userId", a."balance", a."pending",
      COALESCE(s."total", 0)::int AS "entriesTotal", COALESCE(s."pending", 0)::int AS "entriesPending",
      (COALESCE(s."total", 0) = a."balance" + a."pending" AND COALESCE(s."pending", 0) = a."pending") AS "ok"
    FROM "LoyaltyAccount" a
    LEFT JOIN (
      SELECT "accountId", SUM("points") AS "total", SUM("pendingPoints") AS "pending" FROM "LoyaltyEntry" GROUP BY "accountId"
    ) s ON s."accountId" = a."id"`;
  const differences = rows
    .filter((r) => !r.ok)
    .map(({ accountId, userId, balance, pending, entriesTotal, entriesPending }) => ({
      accountId,
      userId,
      balance,
      pending,
      entriesTotal,
      entriesPending,
    }));
  return { accounts: rows.length, differences };
}

export function formatLedgerCheck(check: LedgerCheck): string {
  if (!check.differences.length) return `Loyalty ledger: ${check.accounts} accounts checked, entries match every balance.`;
  const lines = check.differences.map(
    (d) =>
      `  account ${d.accountId} (user ${d.userId}): balance ${d.balance} + pending ${d.pending} = ${d.balance + d.pending}, ` +
      `entries sum to ${d.entriesTotal} (pending ${d.entriesPending}); difference ${d.entriesTotal - d.balance - d.pending}`,
  );
  return [`Loyalty ledger: ${check.differences.length} of ${check.accounts} accounts differ from their entries:`, ...lines].join('\n');
}
