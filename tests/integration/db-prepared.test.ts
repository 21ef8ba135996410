import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createClient } from '@/lib/db/client';
import { startEmbedded } from '@/prisma/tools/embedded';

// lib/db/client.ts names every ordinary statement, so PostgreSQL parses and plans it once per connection; a bulk write
// whose text changes with its row count stays unnamed. Both are read back from the connection's own
// pg_prepared_statements, inside one transaction so that every statement runs on that one connection.
const preparedOn = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
  tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;

describe('prepared statements', () => {
  it('prepares a query once per connection and runs it again without a new statement', async () => {
    const [first, second] = await db.$transaction(async (tx) => {
      await tx.product.findFirst({ where: { slug: 'no-such-product' }, select: { id: true } });
      const afterOne = await preparedOn(tx);
      await tx.product.findFirst({ where: { slug: 'another-missing-product' }, select: { id: true } });
      return [afterOne, await preparedOn(tx)];
    });
    const productQueries = (rows: { statement: string }[]) => rows.filter((r) => /FROM "public"\."Product"/.test(r.statement));
    expect(productQueries(first)).toHaveLength(1);
    expect(productQueries(second)).toHaveLength(1);
    expect(productQueries(first)[0]!.statement).toContain('"slug" = $1');
  });

  it('leaves a bulk write unnamed, so batch sizes do not pile up as statements', async () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `row-${i}`);
    const statement = (n: number) =>
      `SELECT 1 WHERE ${values(n)
        .map((_, i) => `$${i + 1}::text IS NOT NULL`)
        .join(' AND ')}`;
    const statements = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(statement(60), ...values(60));
      await tx.$executeRawUnsafe(statement(120), ...values(120));
      return preparedOn(tx);
    });
    expect(statements.filter((s) => s.statement.includes('$60::text IS NOT NULL'))).toHaveLength(1);
    expect(statements.filter((s) => s.statement.includes('$120::text IS NOT NULL'))).toHaveLength(0);
  });
});

describe('prepared statements on the embedded database', () => {
  // A fresh PGlite runs initdb first: seconds on a quiet machine, a minute on a busy one.
  it('lets two connections prepare the same query, though PGlite serves them from one session', { timeout: 180_000 }, async () => {
    const embedded = await startEmbedded({ dataDir: null, port: 0 });
    const clients = [createClient(embedded.url, { max: 1 }), createClient(embedded.url, { max: 1 })];
    try {
      for (const client of clients) expect(await client.$queryRaw<{ n: number }[]>`SELECT 41 + 1 AS n`).toEqual([{ n: 42 }]);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await embedded.stop();
    }
  });
});
