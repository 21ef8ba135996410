import type { Tx } from '@/lib/db/client';

export const ORDER_NUMBER_PREFIX = 'NW-';

// Order numbers come from a sequence (created in the checkout_holds migration) so concurrent checkouts never
// wait on each other. When rows written outside it (the seed's NW-100001…NW-100605, imports) hold this number or a
// higher one, the sequence is caught up past them once. (An index range scan: numbers of the same length compare as text.)
export async function nextOrderNumber(tx: Tx): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint; taken: boolean }[]>`
    SELECT s.n, EXISTS (
      SELECT 1 FROM "Order" o
      WHERE o."number" >= ${ORDER_NUMBER_PREFIX} || s.n::text AND o."number" LIKE 'NW-%' AND length(o."number") = length(${ORDER_NUMBER_PREFIX} || s.n::text)
    ) AS taken
    FROM (SELECT nextval('order_number_seq') AS n) s`;
  if (row && !row.taken) return `${ORDER_NUMBER_PREFIX}${row.n}`;
  // Serialised so one catch-up never moves the sequence back below a number another just handed out.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('order_number_seq'))`;
  await tx.$executeRaw`
    SELECT setval('order_number_seq', greatest(
      (SELECT last_value FROM order_number_seq),
      (SELECT coalesce(max(substring("number" from 4)::bigint), 0) FROM "Order" WHERE "number" ~ '^NW-[0-9]+$')
    ))`;
  const [caught] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('order_number_seq') AS n`;
  if (!caught) throw new Error('order_number_seq is missing');
  return `${ORDER_NUMBER_PREFIX}${caught.n}`;
}
