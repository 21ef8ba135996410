import { afterAll } from 'vitest';
import { setUpFileDatabase } from './db';

// Runs before each integration test file is imported: the file gets its own database, and lib/db
// (which reads DATABASE_URL and reuses globalThis.db outside production) connects to it.
const database = await setUpFileDatabase();
process.env.DATABASE_URL = database.url;
(globalThis as { db?: unknown }).db = database.db;

afterAll(() => database.drop());
