// Database commands behind `npm run db:*` and `npm run orders:import`. Usage: tsx scripts/cli.ts <command> [args]
// The work is done by the database tooling in prisma/tools and, for the import, by lib/recommendations/order-import.ts.
import { existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { formatImportSummary, importOrderHistory } from '../lib/recommendations/order-import';
import { countProducts, dropPublicSchema, loadEnv, migrate, openTarget, runSeed, withClient, type Target } from '../prisma/tools/database';
import { readLock } from '../prisma/tools/embedded';
import { lastEnginePanic } from '../prisma/tools/engine';
import { describeHost, ToolError } from '../prisma/tools/errors';
import { createMigration } from '../prisma/tools/migrate';
import { pgliteDir, repoRoot } from '../prisma/tools/paths';

const usage = `Usage: tsx scripts/cli.ts <command>
  migrate                 apply prisma/migrations (npm run db:migrate)
  migration <name>        write the next migration from prisma/schema.prisma (npm run db:migration -- <name>)
  seed                    migrate, then load the demo shop (npm run db:seed)
  reset [--force]         empty the database, migrate and seed (npm run db:reset)
  import-orders <file>    import an order history CSV (npm run orders:import -- <file.csv>)`;

async function withTarget(fn: (target: Target) => Promise<void>): Promise<void> {
  const target = await openTarget(await loadEnv());
  try {
    await fn(target);
  } finally {
    await target.close();
  }
}

async function reset(force: boolean): Promise<void> {
  const env = await loadEnv();
  if (env.embedded) {
    const holder = readLock(pgliteDir);
    if (holder)
      throw new ToolError(`The embedded database is in use by process ${holder.pid}; stop it (npm start / npm run dev) before a reset.`);
    rmSync(pgliteDir, { recursive: true, force: true });
    console.log(`Deleted the embedded database (${relative(repoRoot, pgliteDir)}).`);
  } else {
    const { host, database, local } = describeHost(env.databaseUrl);
    if (!local && !force) {
      throw new ToolError(`Refusing to reset database "${database}" on ${host}, which is not this machine. Add --force if you mean it.`);
    }
  }
  await withTarget(async ({ url, embedded }) => {
    if (!embedded) {
      await dropPublicSchema(url);
      console.log('Dropped and recreated the public schema.');
    }
    await migrate(url);
    await runSeed(url);
  });
}

async function importOrders(file: string | undefined): Promise<void> {
  if (!file) throw new ToolError('Usage: npm run orders:import -- <file.csv>');
  if (!existsSync(file)) throw new ToolError(`No such file: ${file}`);
  const text = await readFile(file, 'utf8');
  await withTarget(async ({ url }) => {
    await migrate(url);
    const summary = await withClient(url, (db) => importOrderHistory(db, text));
    console.log(formatImportSummary(file, summary));
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'migrate':
      return withTarget(({ url }) => migrate(url));
    case 'migration': {
      const name = args.find((arg) => !arg.startsWith('-'));
      if (!name) throw new ToolError('Usage: npm run db:migration -- <name>');
      const file = await createMigration(name);
      console.log(
        file
          ? `Wrote ${file.slice(repoRoot.length + 1)}`
          : 'No schema changes: prisma/schema.prisma matches the migrations. Nothing written.',
      );
      return;
    }
    case 'seed':
      return withTarget(async ({ url }) => {
        await migrate(url);
        const products = await countProducts(url);
        if (products > 0) console.log(`Note: the database already has ${products} products; the seed decides what to do with them.`);
        await runSeed(url);
      });
    case 'reset':
      return reset(args.includes('--force'));
    case 'import-orders':
      return importOrders(args.find((arg) => !arg.startsWith('-')));
    default:
      throw new ToolError(command ? `Unknown command "${command}".\n${usage}` : usage);
  }
}

// A panic inside the wasm engine surfaces as an uncaught "unreachable"; say what it was instead.
process.on('uncaughtException', (error) => {
  const panic = lastEnginePanic();
  console.error(panic ? `The schema engine crashed: ${panic}` : process.env.DEBUG ? error : `${error.message} (set DEBUG=1 for details)`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ToolError) console.error(error.message);
    else if (process.env.DEBUG) console.error(error);
    else console.error(`${error instanceof Error ? error.message : String(error)} (set DEBUG=1 for details)`);
    process.exit(1);
  },
);
