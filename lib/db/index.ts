import 'server-only';
import { createClient, type Db } from './client';

// One Prisma client per process, kept on globalThis: hot reload must not open new pools, and instrumentation.ts
// (the order sweeper) is a separate bundle in production too, which must share the app's pool (PGlite runs one
// transaction at a time).
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createClient();
globalForDb.db = db;

export type { Db } from './client';
