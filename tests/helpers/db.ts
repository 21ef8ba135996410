import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createClient, createPool } from '../../lib/db/client';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { startEmbedded } from '../../prisma/tools/embedded';
import { applyMigrations, readMigrationsList } from '../../prisma/tools/migrate';
import { dataDir } from '../../prisma/tools/paths';
import { assertLocalDatabase } from './assert-local-database';

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  drop(): Promise<void>;
}

// The server given by the environment that started the run (CI: postgresql://postgres@127.0.0.1:5432/postgres),
// '' for none. Kept in TEST_SERVER_URL because the integration setup points DATABASE_URL at each file's database.
process.env.TEST_SERVER_URL ??= process.env.DATABASE_URL ?? '';
const serverUrl = process.env.TEST_SERVER_URL || undefined;

// Names the schema a template was built from: a new migration gives a new template.
async function migrationsHash(): Promise<string> {
  const { migrationDirectories } = await readMigrationsList();
  const hash = createHash('sha256');
  for (const { path, migrationFile } of migrationDirectories) hash.update(`${path}\0${migrationFile.content.value}\0`);
  return hash.digest('hex').slice(0, 12);
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// On a real server: migrate once into a template database, then copy it per test file (a fraction of a second).
async function ensureServerTemplate(url: string): Promise<string> {
  const template = `storefront_template_${await migrationsHash()}`;
  await withAdmin(url, async (admin) => {
    // Workers starting together wait here for the first one to build the template.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      const building = `${template}_build`;
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(building)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(building)}`);
      await applyMigrations(withDatabase(url, building));
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(building)} RENAME TO ${pg.escapeIdentifier(template)}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return template;
}

async function createOnServer(url: string): Promise<TestDatabase> {
  assertLocalDatabase(url);
  const template = await ensureServerTemplate(url);
  const name = `storefront_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`));
  const testUrl = withDatabase(url, name);
  const db = createClient(testUrl);
  let dropped: Promise<void> | undefined;
  return {
    url: testUrl,
    db,
    drop() {
      dropped ??= db
        .$disconnect()
        .then(() => withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)))
        .then(() => undefined);
      return dropped;
    },
  };
}

const templateDir = join(dataDir, 'test-templates');

// Without a server: a PGlite data directory, migrated once and saved, loaded into a fresh in-memory PGlite per file.
async function ensurePgliteTemplate(): Promise<string> {
  const file = join(templateDir, `${await migrationsHash()}.tar`);
  if (existsSync(file)) return file;
  const scratch = await startEmbedded({ dataDir: null, port: 0 });
  try {
    await applyMigrations(scratch.url);
    const dump = await scratch.db.dumpDataDir('none');
    mkdirSync(templateDir, { recursive: true });
    for (const old of readdirSync(templateDir)) rmSync(join(templateDir, old), { force: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await scratch.stop();
  }
  return file;
}

async function createOnPglite(): Promise<TestDatabase> {
  const template = await ensurePgliteTemplate();
  const server = await startEmbedded({ dataDir: null, port: 0, loadDataDir: new Blob([readFileSync(template)]) });
  // One connection, as the app uses with the embedded database (PGlite runs one transaction at a time), shared with
  // the job queue as lib/db/index.ts shares it (two connections' statements interleaved would break each other).
  const pool = createPool({ connectionString: server.url, max: 1 });
  (globalThis as { embeddedPool?: pg.Pool }).embeddedPool = pool;
  const db = createClient(server.url, { pool });
  let dropped: Promise<void> | undefined;
  return {
    url: server.url,
    db,
    drop() {
      dropped ??= db
        .$disconnect()
        .then(() => pool.end())
        .then(() => server.stop());
      return dropped;
    },
  };
}

function createFresh(): Promise<TestDatabase> {
  return serverUrl ? createOnServer(serverUrl) : createOnPglite();
}

// The database the integration setup made for the running test file; lib/db uses it too.
let fileDatabase: { database: TestDatabase; handedOut: boolean } | undefined;

export async function setUpFileDatabase(): Promise<TestDatabase> {
  const database = await createFresh();
  fileDatabase = { database, handedOut: false };
  return database;
}

// A migrated, empty database of the test file's own. The first call in a file returns the one that lib/db
// already points at (so lib functions and the test see the same data); later calls make more. On a server
// it is a copy of a template database, else an in-memory PGlite on a free port. drop() disconnects and deletes it.
export async function createTestDatabase(): Promise<TestDatabase> {
  if (fileDatabase && !fileDatabase.handedOut) {
    fileDatabase.handedOut = true;
    return fileDatabase.database;
  }
  return createFresh();
}

// Prepares the template once per run, before the workers start (vitest globalSetup).
export async function prepareTestTemplate(): Promise<void> {
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    await ensureServerTemplate(serverUrl);
  } else {
    await ensurePgliteTemplate();
  }
}
