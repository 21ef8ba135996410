import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';

export type RateLimitResult = { ok: boolean; remaining: number; retryAfterSeconds: number };
export type BucketLimit = { limit: number; windowSeconds: number };

// A fixed window counted by one atomic upsert, so parallel attempts cannot slip past the limit
// and every app instance sees the same count.
export async function consumeBucket(client: Db, key: string, limit: BucketLimit): Promise<RateLimitResult> {
  const [result] = await consumeBuckets(client, [{ key, ...limit }]);
  return result!;
}

// Several buckets (each with its own window) counted by one upsert, one round trip: a checkout counts its e-mail and
// its address together. Returns the results in the order asked.
export async function consumeBuckets(client: Db, buckets: readonly Bucket[]): Promise<RateLimitResult[]> {
  if (!buckets.length) return [];
  const rows = await client.$queryRaw<CountedRow[]>`WITH ${countedCte(buckets)} SELECT * FROM counted`;
  return bucketResults(buckets, rows);
}

export type Bucket = { key: string } & BucketLimit;
// A bucket as counted: its count in the current window and the seconds since that window started.
export type CountedRow = { key: string; count: number; elapsed: number };

// The upsert as a CTE named `counted` (CountedRow per bucket), for a statement that does more: the checkout counts
// in its first statement, and only when `when` holds. The rows are written in key order, so two requests counting
// the same keys lock them in the same order.
export function countedCte(buckets: readonly Bucket[], when: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const sorted = [...new Map(buckets.map((b) => [b.key, b])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return Prisma.sql`bucket_input AS (
      SELECT * FROM unnest(${sorted.map((b) => b.key)}::text[], ${sorted.map((b) => b.windowSeconds)}::float8[]) WITH ORDINALITY
        AS i("key", "windowSeconds", "position")
    ), counted AS (
      INSERT INTO "RateLimitBucket" ("key", "count", "windowStart")
      SELECT "key", 1, now() FROM bucket_input WHERE ${when} ORDER BY "position"
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => (SELECT i."windowSeconds" FROM bucket_input i WHERE i."key" = EXCLUDED."key"))
                  THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
        "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => (SELECT i."windowSeconds" FROM bucket_input i WHERE i."key" = EXCLUDED."key"))
                  THEN now() ELSE "RateLimitBucket"."windowStart" END
      RETURNING "key", "count", extract(epoch FROM now() - "windowStart")::float8 AS "elapsed"
    )`;
}

// The results of counted rows, in the order of `buckets`.
export function bucketResults(buckets: readonly Bucket[], rows: readonly CountedRow[]): RateLimitResult[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return buckets.map(({ key, limit, windowSeconds }) => {
    const row = byKey.get(key);
    if (!row) return { ok: true, remaining: limit - 1, retryAfterSeconds: 0 };
    const retryAfterSeconds = Math.max(1, Math.ceil(windowSeconds - row.elapsed));
    return row.count <= limit
      ? { ok: true, remaining: limit - row.count, retryAfterSeconds: 0 }
      : { ok: false, remaining: 0, retryAfterSeconds };
  });
}
