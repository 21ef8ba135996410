// Run by the loyalty bench (tests/bench/loyalty.ts) through runInLibProcess: many callers at once spend points on ONE
// account through lib/loyalty's redeemPoints (the ledger's guarded spend behind counter and online redemption), in
// turns with the same callers running a raw guarded UPDATE on another account, through the same client and pool.
// Each account is credited with 90 % of what all the attempts would spend, so the last turn is refused in part:
// the guard is exercised under contention, and afterwards no balance is negative and the ledger adds up.
import { db } from '@/lib/db';
import { adjustPoints } from '@/lib/loyalty/adjust';
import { checkLedger } from '@/lib/loyalty/check';
import { LoyaltyError } from '@/lib/loyalty/errors';
import { redeemPoints } from '@/lib/loyalty/redeem';
import { printResult } from './lib-process';

const CALLERS = Number(process.env.BENCH_CALLERS ?? 20);
const PER_TURN = Number(process.env.BENCH_PER_TURN ?? 1_000);
const TURNS = 3;
const WARM_UP = 100;
const STEP = 100;
const ATTEMPTS = WARM_UP + TURNS * PER_TURN;
const CREDIT = STEP * Math.floor(ATTEMPTS * 0.9);

async function member(tag: string) {
  const user = await db.user.create({ data: { email: `hot-${tag}@example.com`, name: `Hot ${tag}` } });
  await adjustPoints({ userId: user.id, points: CREDIT, idempotencyKey: `bench:credit:${tag}` });
  return db.loyaltyAccount.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true } });
}

// `count` attempts shared by CALLERS callers, each starting its next the moment its last returns.
async function flatOut(count: number, attempt: () => Promise<boolean>) {
  let next = 0;
  let applied = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (next < count) {
        next++;
        if (await attempt()) applied++;
      }
    }),
  );
  return { count, applied, seconds: (performance.now() - started) / 1000 };
}

let key = 0;
const throughLib = (accountId: string) => async () => {
  try {
    const n = key++;
    await redeemPoints({ accountId, points: STEP, channel: n % 2 ? 'ONLINE' : 'IN_STORE', idempotencyKey: `bench:spend:${n}` });
    return true;
  } catch (error) {
    if (error instanceof LoyaltyError && error.code === 'insufficient_points') return false;
    throw error;
  }
};

const rawUpdate = (accountId: string) => async () =>
  (await db.$executeRaw`
    UPDATE "LoyaltyAccount" SET "balance" = "balance" - ${STEP}::int WHERE "id" = ${accountId} AND "balance" >= ${STEP}::int`) === 1;

async function main() {
  const lib = await member('lib');
  const raw = await member('raw');
  const libStep = throughLib(lib.id);
  const rawStep = rawUpdate(raw.id);
  const totals = { lib: { count: 0, applied: 0, seconds: 0 }, raw: { count: 0, applied: 0, seconds: 0 } };
  const add = (into: typeof totals.lib, turn: typeof totals.lib) => {
    into.count += turn.count;
    into.applied += turn.applied;
    into.seconds += turn.seconds;
  };
  const warmLib = await flatOut(WARM_UP, libStep);
  const warmRaw = await flatOut(WARM_UP, rawStep);
  for (let turn = 0; turn < TURNS; turn++) {
    add(totals.raw, await flatOut(PER_TURN, rawStep));
    add(totals.lib, await flatOut(PER_TURN, libStep));
  }
  const accounts = await db.loyaltyAccount.findMany({ where: { id: { in: [lib.id, raw.id] } }, select: { id: true, balance: true } });
  const [counted] = await db.$queryRaw<{ negative: number }[]>`
    SELECT count(*)::int AS "negative" FROM "LoyaltyAccount" WHERE "balance" < 0 OR "pending" < 0`;
  // The raw account's UPDATEs bypass the ledger on purpose: only the lib account's entries are checked.
  const ledger = await checkLedger(db);
  const spent = await db.loyaltyEntry.count({ where: { accountId: lib.id, kind: 'REDEEM' } });
  const libBalance = accounts.find((a) => a.id === lib.id)!.balance;
  printResult({
    callers: CALLERS,
    attempts: totals.lib.count,
    credit: CREDIT,
    lib: { ...totals.lib, perSecond: totals.lib.count / totals.lib.seconds },
    raw: { ...totals.raw, perSecond: totals.raw.count / totals.raw.seconds },
    negativeBalances: counted!.negative,
    libBalance,
    rawBalance: accounts.find((a) => a.id === raw.id)!.balance,
    redeemEntries: spent,
    libApplied: warmLib.applied + totals.lib.applied,
    rawApplied: warmRaw.applied + totals.raw.applied,
    ledgerDifferences: ledger.differences.filter((d) => d.accountId !== raw.id).length,
    entriesMatchBalance: spent * STEP === CREDIT - libBalance,
  });
}

main()
  .then(() => db.$disconnect())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
