import 'server-only';
import { db } from '@/lib/db';
import type { CommerceEventType, EventChannel } from '@/lib/generated/prisma/enums';

export type EventRow = {
  type: CommerceEventType;
  channel: EventChannel;
  storeId: string | null;
  anonymousId: string | null;
  customerId: string | null;
  cartId: string | null;
  orderId: string | null;
  productId: string | null;
  shelf: string | null;
  quantity: number | null;
  valueMinor: number | null;
  occurredAt: Date;
  bagChannel: EventChannel | null;
  bagAnonymousId: string | null;
};

/**
 * Writes a batch of events in one INSERT, a column at a time (unnest of arrays). A raw statement: Prisma's
 * createMany builds its query anew for every batch, several times the CPU of this, and the recorder runs beside every
 * request of the process. Times go in as UTC, as Prisma stores them.
 */
export async function insertEvents(rows: EventRow[]): Promise<void> {
  const col = <K extends keyof EventRow>(key: K) => rows.map((r) => r[key]);
  await db.$executeRaw`
    INSERT INTO "CommerceEvent" ("type", "channel", "storeId", "anonymousId", "customerId", "cartId", "orderId", "productId",
      "shelf", "quantity", "valueMinor", "occurredAt", "bagChannel", "bagAnonymousId")
    SELECT t::"CommerceEventType", c::"EventChannel", s, a, cu, ca, o, p, sh, q, v, at AT TIME ZONE 'UTC', bc::"EventChannel", ba
    FROM unnest(${col('type')}::text[], ${col('channel')}::text[], ${col('storeId')}::text[], ${col('anonymousId')}::text[],
      ${col('customerId')}::text[], ${col('cartId')}::text[], ${col('orderId')}::text[], ${col('productId')}::text[],
      ${col('shelf')}::text[], ${col('quantity')}::int[], ${col('valueMinor')}::int[],
      ${rows.map((r) => r.occurredAt.toISOString())}::timestamptz[], ${col('bagChannel')}::text[], ${col('bagAnonymousId')}::text[])
      AS u(t, c, s, a, cu, ca, o, p, sh, q, v, at, bc, ba)`;
}
