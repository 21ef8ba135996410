import 'server-only';
import type { Db, Tx } from '@/lib/db/client';
import { newRowId } from '@/lib/db/ids';
import type { LoyaltyChannel, LoyaltyEntryKind } from '@/lib/generated/prisma/enums';
import { Prisma } from '@/lib/generated/prisma/client';

// The ledger's one write: an entry appended and the account's balance and pending moved by it, in ONE statement.
// The account update is guarded (balance and pending stay >= 0, as the table's CHECKs also insist) and only happens
// when no entry has the idempotency key yet; the entry is inserted only from the updated row. So a refused debit
// writes nothing, a repeated key writes nothing, and two debits racing on one account queue on its row lock and are
// each checked against the balance the other left (DESIGN.md, Data rules). Outside a transaction the statement is
// its own transaction, which keeps a hot account's row locked for the shortest time.

export type Client = Db | Tx;

export type EntryInput = {
  kind: LoyaltyEntryKind;
  // Signed change to balance + pending, and the part of it that is pending (balance moves by points - pendingPoints).
  points: number;
  pendingPoints?: number;
  channel: LoyaltyChannel;
  idempotencyKey: string;
  orderId?: string | null;
  storeId?: string | null;
  staffUserId?: string | null;
  availableAt?: Date | null;
  expiresAt?: Date | null;
  shortfall?: number;
  note?: string | null;
};

export type ApplyResult =
  { status: 'applied'; entryId: string; balance: number; pending: number } | { status: 'duplicate' } | { status: 'insufficient' };

export async function appendEntry(client: Client, accountId: string, entry: EntryInput, now: Date = new Date()): Promise<ApplyResult> {
  const pendingPoints = entry.pendingPoints ?? 0;
  const balanceDelta = entry.points - pendingPoints;
  const id = newEntryId();
  let rows: { balance: number; pending: number }[];
  try {
    rows = await client.$queryRaw<{ balance: number; pending: number }[]>`
      WITH upd AS (
        UPDATE "LoyaltyAccount"
        SET "balance" = "balance" + ${balanceDelta}::int, "pending" = "pending" + ${pendingPoints}::int, "updatedAt" = ${now}
        WHERE "id" = ${accountId}
          AND "balance" + ${balanceDelta}::int >= 0 AND "pending" + ${pendingPoints}::int >= 0
          AND NOT EXISTS (SELECT 1 FROM "LoyaltyEntry" WHERE "idempotencyKey" = ${entry.idempotencyKey})
        RETURNING "balance", "pending"
      ), ins AS (
        INSERT INTO "LoyaltyEntry" ("id", "accountId", "kind", "points", "pendingPoints", "channel", "orderId", "storeId",
          "staffUserId", "idempotencyKey", "availableAt", "expiresAt", "shortfall", "note", "createdAt")
        SELECT ${id}, ${accountId}, ${entry.kind}::"LoyaltyEntryKind", ${entry.points}::int, ${pendingPoints}::int,
          ${entry.channel}::"LoyaltyChannel", ${entry.orderId ?? null}, ${entry.storeId ?? null}, ${entry.staffUserId ?? null},
          ${entry.idempotencyKey}, ${entry.availableAt ?? null}::timestamp(3), ${entry.expiresAt ?? null}::timestamp(3),
          ${entry.shortfall ?? 0}::int, ${entry.note ?? null}, ${now}
        FROM upd
        RETURNING "id"
      )
      SELECT upd."balance", upd."pending" FROM upd, ins`;
  } catch (error) {
    // Two requests with the same key at the same moment: the second's insert meets the first's committed entry.
    if (isUniqueViolation(error)) return { status: 'duplicate' };
    throw error;
  }
  const row = rows[0];
  if (row) return { status: 'applied', entryId: id, balance: row.balance, pending: row.pending };
  return (await hasEntry(client, entry.idempotencyKey)) ? { status: 'duplicate' } : { status: 'insufficient' };
}

// Entry ids sort in the order this process wrote them (time, then a counter), so entries written in the same
// millisecond (a hold spent and the order's earning) list in the order they happened.
let counter = 0;
function newEntryId(): string {
  counter = (counter + 1) % 1_679_616;
  return `le${Date.now().toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${newRowId('').slice(0, 12)}`;
}

export async function hasEntry(client: Client, idempotencyKey: string): Promise<boolean> {
  const found = await client.loyaltyEntry.findUnique({ where: { idempotencyKey }, select: { id: true } });
  return found !== null;
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  const meta = error.meta as { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined;
  return (
    meta?.code === '23505' ||
    meta?.driverAdapterError?.cause?.originalCode === '23505' ||
    meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation' ||
    error.message.includes('23505')
  );
}

// Every signed-in shopper is a member: the account is made the first time it is needed.
export async function ensureAccount(client: Client, userId: string): Promise<{ id: string; balance: number; pending: number }> {
  const select = { id: true, balance: true, pending: true } as const;
  const found = await client.loyaltyAccount.findUnique({ where: { userId }, select });
  if (found) return found;
  await client.$executeRaw`
    INSERT INTO "LoyaltyAccount" ("id", "userId", "updatedAt") VALUES (${newRowId('la')}, ${userId}, now())
    ON CONFLICT ("userId") DO NOTHING`;
  return client.loyaltyAccount.findUniqueOrThrow({ where: { userId }, select });
}

// Locks the account row until the caller's transaction ends: for steps that read the ledger before they write
// (taking back an order's points, moving pending points, expiry), so two of them never decide from the same state.
export async function lockAccountTx(tx: Tx, accountId: string): Promise<{ balance: number; pending: number }> {
  const [row] = await tx.$queryRaw<{ balance: number; pending: number }[]>`
    SELECT "balance", "pending" FROM "LoyaltyAccount" WHERE "id" = ${accountId} FOR UPDATE`;
  if (!row) throw new Error(`Loyalty account ${accountId} is missing`);
  return row;
}
