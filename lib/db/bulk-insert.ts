import type { Prisma } from '../generated/prisma/client';

// No 'server-only': the seed and the order importer (command-line tools) write through it too.
export type SqlRunner = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

export interface InsertOptions {
  /** ON CONFLICT DO NOTHING: rows already there are skipped (an import run twice). */
  skipExisting?: boolean;
  /** Columns to return for the rows actually inserted, e.g. '"id", "externalRef"'. */
  returning?: string;
}

// Bulk insert through json_populate_recordset: one statement and one parameter per table, far faster than createMany
// (and than thousands of single inserts on the one-transaction-at-a-time PGlite). Columns missing from the rows take
// their defaults; timestamps are ISO strings in UTC (or Dates), as Prisma stores them. Table and column names come
// from our code, never from input.
export async function insertRows<T = never>(
  db: SqlRunner,
  table: string,
  rows: readonly object[],
  options: InsertOptions = {},
): Promise<T[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first)
    .map((c) => `"${c}"`)
    .join(', ');
  const sql =
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)` +
    (options.skipExisting ? ' ON CONFLICT DO NOTHING' : '') +
    (options.returning ? ` RETURNING ${options.returning}` : '');
  if (options.returning) return db.$queryRawUnsafe<T[]>(sql, JSON.stringify(rows));
  await db.$executeRawUnsafe(sql, JSON.stringify(rows));
  return [];
}
