import { createHash, randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { env } from '../env';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// Every statement Prisma sends is a named prepared statement, one name per SQL text: PostgreSQL parses and plans it
// once per connection instead of on every request. On the embedded PGlite that was most of the database's work (a
// bag's view query: about 3.3 ms of CPU unnamed, 0.8 ms prepared). The texts are the app's own queries (values
// travel as parameters), so there are as many as there are query shapes. A statement with many parameters is a bulk
// write whose text changes with its row count (the analytics batch, createMany): it stays unnamed (pg reads '' as no
// name), so that no connection collects a prepared statement per batch size.
const MAX_NAMED_PARAMETERS = 100;
const names = new Map<string, string>();
export function statementName({ sql, args }: { sql: string; args: unknown[] }): string {
  if (args.length > MAX_NAMED_PARAMETERS) return '';
  let name = names.get(sql);
  if (!name) {
    name = createHash('sha1').update(sql).digest('base64url');
    names.set(sql, name);
  }
  return name;
}

// PGlite serves every connection from one session, so a statement prepared through one connection exists for all of
// them, and another connection (a build worker, a second pool, a reconnect) preparing the same name would be refused.
// Each connection therefore prefixes the names it prepares with its own id; on a real server, where each connection is
// its own session, the prefix changes nothing.
class PreparingClient extends pg.Client {
  private readonly prefix = `s${randomBytes(5).toString('hex')}_`;
  // pg's overloads, read loosely: only the (config object, …) form carries a name; everything is passed on unchanged.
  override query(config: unknown, ...rest: unknown[]) {
    const named = typeof config === 'object' && config !== null && 'name' in config && config.name;
    // @ts-expect-error the loose signature above does not match pg's overloads one by one
    return super.query(named ? { ...config, name: this.prefix + (config as { name: string }).name } : config, ...rest);
  }
}

// Every pool the app or a tool opens: its connections name their prepared statements apart (PreparingClient).
export function createPool(config: pg.PoolConfig): pg.Pool {
  return new pg.Pool({ ...config, Client: PreparingClient });
}

// Used by the app (through lib/db) and by the command-line tools, which must not import 'server-only'.
// Given `pool`, the client uses it (shared with the job queue on the embedded database: lib/db/index.ts).
export function createClient(url: string = env.databaseUrl, options: { max?: number; pool?: pg.Pool } = {}): PrismaClient {
  const pool = options.pool ?? createPool({ connectionString: url, max: options.max ?? env.dbPoolMax });
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementName, disposeExternalPool: !options.pool });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}

// The pg pool under a client createClient made. For the few statements on a hot path sent without Prisma, whose own
// work per query (its request pipeline, promises and result conversion) costs more than pg's: the bag change.
// On globalThis: lib/db's client may have been made by another bundle's copy of this module (instrumentation.ts).
const poolsKey = Symbol.for('northwind.db.pools');
const pools = ((globalThis as Record<symbol, unknown>)[poolsKey] ??= new WeakMap()) as WeakMap<PrismaClient, pg.Pool>;
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error('poolOf: this Prisma client was not made by createClient');
  return pool;
}
