import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { env } from '../env';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// Used by the app (through lib/db) and by the command-line tools, which must not import 'server-only'.
// Given `pool`, the client uses it (shared with the job queue on the embedded database: lib/db/index.ts).
export function createClient(url: string = env.databaseUrl, options: { max?: number; pool?: Pool } = {}): PrismaClient {
  const adapter = new PrismaPg(options.pool ?? { connectionString: url, max: options.max ?? env.dbPoolMax });
  return new PrismaClient({ adapter });
}
