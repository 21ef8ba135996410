import pg from 'pg';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { readLock, startEmbedded, stopOnSignals } from './embedded';
import { checkConnection, ToolError } from './errors';
import { applyMigrations } from './migrate';
import { pgliteDir } from './paths';

type Env = typeof import('../../lib/env').env;

// lib/env.ts validates at import time; turn its multi-line complaint into one line.
export async function loadEnv(): Promise<Env> {
  try {
    return (await import('../../lib/env')).env;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ToolError(message.replace(/\s*\n\s*/g, ' '));
  }
}

export interface Target {
  url: string;
  /** True when this process started the embedded database (and must stop it). */
  owned: boolean;
  embedded: boolean;
  close(): Promise<void>;
}

// DATABASE_URL when set; otherwise the embedded database: the one already running (npm start) or a new one.
export async function openTarget(env: Env, { handleSignals = true } = {}): Promise<Target> {
  if (!env.embedded) {
    const { created } = await checkConnection(env.databaseUrl, { createIfMissing: true });
    if (created) console.log(`Created database ${new URL(env.databaseUrl).pathname.slice(1)}.`);
    return { url: env.databaseUrl, owned: false, embedded: false, close: async () => {} };
  }
  const running = readLock(pgliteDir);
  if (running && running.pid !== process.pid) {
    const url = `postgresql://postgres@127.0.0.1:${running.port}/postgres`;
    await checkConnection(url);
    return { url, owned: false, embedded: true, close: async () => {} };
  }
  const server = await startEmbedded({ dataDir: pgliteDir, port: env.EMBEDDED_DB_PORT });
  const unhook = handleSignals ? stopOnSignals(server) : () => {};
  return {
    url: server.url,
    owned: true,
    embedded: true,
    async close() {
      unhook();
      await server.stop();
    },
  };
}

export async function migrate(url: string): Promise<void> {
  const applied = await applyMigrations(url);
  console.log(
    applied.length > 0
      ? `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}`
      : 'Database schema is up to date.',
  );
}

export async function withClient<T>(url: string, fn: (db: PrismaClient) => Promise<T>): Promise<T> {
  const { createClient } = await import('../../lib/db/client');
  const db = createClient(url);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

// Demo sign-ins only exist in demo mode. SEED_SCALE=bench builds the benchmark catalogue (5,000 variants, 50 stores).
export async function runSeed(url: string): Promise<void> {
  const env = await loadEnv();
  const { seed } = await import('../seed/index');
  const scale = env.SEED_SCALE === 'bench' ? { variants: 5000, stores: 50 } : undefined;
  const started = Date.now();
  await withClient(url, (db) => seed(db, { demoAccounts: env.demoMode, ...(scale ? { scale } : {}) }));
  console.log(`Seeded the ${scale ? 'benchmark' : 'demo'} shop in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export async function countProducts(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM "Product"');
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

// Empties a real server's database: everything lives in the public schema, _prisma_migrations included.
export async function dropPublicSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
}
