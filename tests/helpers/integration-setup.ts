import { afterAll } from 'vitest';
import { setUpFileDatabase } from './db';

// Runs before each integration test file is imported: the file gets its own database, and lib/db
// (which reads DATABASE_URL and reuses globalThis.db outside production) connects to it.
const database = await setUpFileDatabase();
process.env.DATABASE_URL = database.url;
(globalThis as { db?: unknown }).db = database.db;

afterAll(async () => {
  // The job queue (lib/jobs) holds connections of its own once anything was queued.
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await database.drop();
});
