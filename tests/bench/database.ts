// Where a bench's server keeps its data: an embedded database of its own (the default, as `npm start` runs),
// or a new database on a real PostgreSQL server when the run asks for one: `npm run bench -- --postgres …`
// (postgresql://postgres@127.0.0.1:5432, this project's machines) or BENCH_DATABASE_URL=<server url>.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { startEmbedded } from '../../prisma/tools/embedded';

export type BenchDatabase = {
  /** 'embedded' or 'PostgreSQL <host>', for the printed figures. */
  label: string;
  /** Starts from empty (drops what an earlier run left). */
  reset(): Promise<void>;
  /** The database for seeding, until close(); the server must not be running on an embedded one meanwhile. */
  open(): Promise<{ url: string; close(): Promise<void> }>;
  /** How startServer points `npm start` at it. */
  serverEnv(): Record<string, string>;
  /** Removes it. */
  drop(): Promise<void>;
};

const DEFAULT_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

function postgresServerUrl(): string | null {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  return process.argv.includes('--postgres') ? DEFAULT_SERVER : null;
}

export function benchDatabase(name: string, embedded: { dataDir: string; dbPort: number }): BenchDatabase {
  const server = postgresServerUrl();
  return server ? postgresDatabase(server, `storefront_bench_${name}`) : embeddedDatabase(embedded);
}

function embeddedDatabase({ dataDir, dbPort }: { dataDir: string; dbPort: number }): BenchDatabase {
  const reset = async () => rmSync(dataDir, { recursive: true, force: true });
  return {
    label: 'embedded',
    reset,
    async open() {
      const db = await startEmbedded({ dataDir, port: dbPort });
      return { url: db.url, close: () => db.stop() };
    },
    serverEnv: () => ({ EMBEDDED_DB_PORT: String(dbPort), EMBEDDED_DB_DIR: dataDir }),
    drop: reset,
  };
}

function postgresDatabase(serverUrl: string, database: string): BenchDatabase {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const drop = () => admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  return {
    label: `PostgreSQL ${url.host}`,
    async reset() {
      await drop();
      await admin(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    },
    open: async () => ({ url: url.toString(), close: async () => {} }),
    // The same demo shop as on the embedded database: demo accounts and demo payments.
    serverEnv: () => ({ DATABASE_URL: url.toString(), DEMO_MODE: 'true' }),
    drop,
  };
}
