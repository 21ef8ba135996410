import 'server-only';
import { db } from '@/lib/db';
import type { EventChannel } from '@/lib/generated/prisma/enums';

export type BagStart = { channel: EventChannel; anonymousId: string | null };

/**
 * Where a bag ordered at `at` was started: its first add since the bag's previous order, on which channel and in
 * which browser (anonymous id); null when no add was recorded. Two index lookups on (cartId, type, occurredAt).
 * Read when an order's ORDER_PLACED is written, so the dashboard reads it from that row; an add still waiting in
 * the recorder's queue (made less than a moment before) is not seen, and the dashboard then looks it up itself.
 */
export async function bagStart(cartId: string, at: Date): Promise<BagStart | null> {
  const [start] = await db.$queryRaw<BagStart[]>`
    SELECT b."channel", b."anonymousId" FROM "CommerceEvent" b
    WHERE b."cartId" = ${cartId} AND b."type" = 'BAG_ADDED' AND b."occurredAt" <= ${at}
      AND b."occurredAt" > coalesce((SELECT max(q."occurredAt") FROM "CommerceEvent" q
        WHERE q."cartId" = ${cartId} AND q."type" = 'ORDER_PLACED' AND q."occurredAt" < ${at}), '-infinity')
    ORDER BY b."occurredAt" LIMIT 1`;
  return start ?? null;
}
