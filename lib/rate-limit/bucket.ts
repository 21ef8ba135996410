import type { Db } from '@/lib/db/client';

export type RateLimitResult = { ok: boolean; remaining: number; retryAfterSeconds: number };
export type BucketLimit = { limit: number; windowSeconds: number };

// A fixed window counted by one atomic upsert, so parallel attempts cannot slip past the limit
// and every app instance sees the same count.
export async function consumeBucket(client: Db, key: string, limit: BucketLimit): Promise<RateLimitResult> {
  const [result] = await consumeBuckets(client, [{ key, ...limit }]);
  return result!;
}

// Several buckets (each with its own window) counted by one upsert, one round trip: a checkout counts its e-mail and
// its address together. The rows are written in key order, so two requests counting the same keys lock them in the
// same order. Returns the results in the order asked.
export async function consumeBuckets(client: Db, buckets: readonly ({ key: string } & BucketLimit)[]): Promise<RateLimitResult[]> {
  if (!buckets.length) return [];
  const sorted = [...new Map(buckets.map((b) => [b.key, b])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await client.$queryRaw<{ key: string; count: number; windowStart: Date; now: Date }[]>`
    WITH input AS (
      SELECT * FROM unnest(${sorted.map((b) => b.key)}::text[], ${sorted.map((b) => b.windowSeconds)}::float8[]) WITH ORDINALITY
        AS i("key", "windowSeconds", "position")
    )
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart")
    SELECT "key", 1, now() FROM input ORDER BY "position"
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => (SELECT i."windowSeconds" FROM input i WHERE i."key" = EXCLUDED."key"))
                THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => (SELECT i."windowSeconds" FROM input i WHERE i."key" = EXCLUDED."key"))
                THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "key", "count", "windowStart", now() AS "now"`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return buckets.map(({ key, limit, windowSeconds }) => {
    const row = byKey.get(key);
    if (!row) return { ok: true, remaining: limit - 1, retryAfterSeconds: 0 };
    const elapsed = (row.now.getTime() - row.windowStart.getTime()) / 1000;
    const retryAfterSeconds = Math.max(1, Math.ceil(windowSeconds - elapsed));
    return row.count <= limit
      ? { ok: true, remaining: limit - row.count, retryAfterSeconds: 0 }
      : { ok: false, remaining: 0, retryAfterSeconds };
  });
}
