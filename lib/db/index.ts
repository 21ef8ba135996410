import 'server-only';
import pg from 'pg';
import { env } from '@/lib/env';
import { createClient, createPool, type Db } from './client';

// One Prisma client per process, kept on globalThis: hot reload must not open new pools, and instrumentation.ts
// (the order sweeper) is a separate bundle in production too, which must share the app's pool (PGlite runs one
// transaction at a time).
const globalForDb = globalThis as unknown as { db?: Db; embeddedPool?: pg.Pool };

// The embedded PGlite serves one session: two connections whose statements interleave break each other's prepared
// statements. So the app's Prisma client and the job queue (lib/jobs/boss.ts) share one single-connection pool, and
// each waits for the other's statement or transaction to finish.
function createDb(): Db {
  if (!env.embedded) return createClient();
  // Never closed when idle: each new connection prepares its statements again (lib/db/client.ts).
  globalForDb.embeddedPool = createPool({ connectionString: env.databaseUrl, max: 1, idleTimeoutMillis: 0 });
  return createClient(env.databaseUrl, { pool: globalForDb.embeddedPool });
}

export const db: Db = globalForDb.db ?? createDb();
globalForDb.db = db;

// That shared pool, when the app's client uses one (null with DATABASE_URL, or when a test supplied its own client).
export const embeddedPool = (): pg.Pool | null => globalForDb.embeddedPool ?? null;

export type { Db } from './client';
