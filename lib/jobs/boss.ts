import 'server-only';
import { PgBoss } from 'pg-boss';
import { embeddedPool } from '@/lib/db';
import { statementName } from '@/lib/db/client';
import { currentDatabaseUrl } from '@/lib/env';
import { QUEUES } from './queues';

// One pg-boss per process (route bundles and instrumentation.ts load their own copies of this module, so it lives on
// globalThis). It keeps its tables in the "pgboss" schema of the app's own database: the embedded PGlite through its
// socket, or DATABASE_URL.
const key = Symbol.for('northwind.jobs.boss');
const g = globalThis as unknown as Record<symbol, { boss: PgBoss; ready: Promise<PgBoss>; started: boolean } | undefined>;

const POOL_MAX = 5;

// A statement without parameters may hold several commands (pg-boss's migrations), which only an unnamed one can.
const prepared = (text: string, values?: unknown[]) =>
  values?.length ? { name: statementName({ sql: text, args: values }), text, values } : { text };

export function startBoss(): Promise<PgBoss> {
  const existing = g[key];
  if (existing) return existing.ready;
  const shared = embeddedPool();
  const boss = new PgBoss({
    // On the embedded database, through the app's own single connection (lib/db/index.ts says why); elsewhere a pool
    // of its own. Its parameterised statements (the workers' polls above all) are prepared once, as the app's are.
    ...(shared ? { db: { executeSql: (text: string, values?: unknown[]) => shared.query(prepared(text, values)) } } : {}),
    connectionString: currentDatabaseUrl(),
    max: POOL_MAX,
    application_name: 'northwind-jobs',
    // Each instance keeps the queue cache and runs maintenance; cron schedules are claimed by one instance per tick.
    superviseIntervalSeconds: 60,
    queueCacheIntervalSeconds: 60,
  });
  boss.on('error', (error: unknown) => console.error('[jobs] pg-boss', error));
  const entry: { boss: PgBoss; ready: Promise<PgBoss>; started: boolean } = { boss, started: false, ready: Promise.resolve(boss) };
  entry.ready = (async () => {
    await boss.start();
    for (const [name, options] of Object.entries(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
      else await boss.updateQueue(name, options);
    }
    entry.started = true;
    return boss;
  })();
  entry.ready.catch((error: unknown) => {
    console.error('[jobs] pg-boss failed to start', error);
    g[key] = undefined;
  });
  g[key] = entry;
  return entry.ready;
}

// The started instance, or null while it is starting (or was never asked to): a caller inside a Prisma transaction
// must not wait for start-up, which needs connections of its own (with PGlite, they would wait for that transaction).
export function readyBoss(): PgBoss | null {
  const entry = g[key];
  return entry?.started ? entry.boss : null;
}

export async function stopBoss(): Promise<void> {
  const entry = g[key];
  if (!entry) return;
  g[key] = undefined;
  await entry.ready.then(
    (boss) => boss.stop({ graceful: true, timeout: 10_000 }),
    () => undefined,
  );
}
