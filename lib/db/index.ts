import 'server-only';
import { env } from '../env';
import { createClient, type Db } from './client';

// One Prisma client per process, kept on globalThis so hot reload does not open new pools.
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createClient();
if (env.NODE_ENV !== 'production') globalForDb.db = db;

export type { Db, Tx } from './client';
