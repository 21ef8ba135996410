import type { Db } from '@/lib/db/client';

export type RateLimitResult = { ok: boolean; remaining: number; retryAfterSeconds: number };

// A fixed window counted by one atomic upsert, so parallel attempts cannot slip past the limit
// and every app instance sees the same count.
export async function consumeBucket(
  client: Db,
  key: string,
  { limit, windowSeconds }: { limit: number; windowSeconds: number },
): Promise<RateLimitResult> {
  const rows = await client.$queryRaw<{ count: number; windowStart: Date; now: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::float8)
                THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::float8)
                THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart", now() AS "now"`;
  const row = rows[0];
  if (!row) return { ok: true, remaining: limit - 1, retryAfterSeconds: 0 };
  const elapsed = (row.now.getTime() - row.windowStart.getTime()) / 1000;
  const retryAfterSeconds = Math.max(1, Math.ceil(windowSeconds - elapsed));
  return row.count <= limit
    ? { ok: true, remaining: limit - row.count, retryAfterSeconds: 0 }
    : { ok: false, remaining: 0, retryAfterSeconds };
}
