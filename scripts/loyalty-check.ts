// `npm run loyalty:check`: the nightly-style ledger check (lib/loyalty/check.ts). Exits 1 when any account's
// balance + pending differs from the sum of its entries, so a scheduler can alert on it.
import { checkLedger, formatLedgerCheck } from '../lib/loyalty/check';
import { loadEnv, openTarget, withClient } from '../prisma/tools/database';

async function main(): Promise<number> {
  const target = await openTarget(await loadEnv());
  try {
    const check = await withClient(target.url, (db) => checkLedger(db));
    console.log(formatLedgerCheck(check));
    return check.differences.length ? 1 : 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
