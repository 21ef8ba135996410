import 'server-only';
import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import { getAnonymousId } from '@/lib/auth/anonymous';
import { getSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { CommerceEventType, EventChannel } from '@/lib/generated/prisma/enums';
import { MY_STORE_COOKIE } from '@/lib/stores/my-store-cookie';
import { bagStart } from './bag-start';
import { channelFromHeaders, channelOfOrder } from './channel';
import { insertEvents, type EventRow } from './insert';
import { ledgerEvents, orderPointsEntries } from './points';

/**
 * What a call site knows. Everything else comes from the request on the server: the channel (client hints or
 * User-Agent), the anonymous id cookie, the signed-in customer (looked up when `customerId` is left out) and the
 * shopper's chosen store (when `storeId` is left out). Ids only: never an e-mail, name or address.
 */
export type EventInput = {
  type: CommerceEventType;
  // Given only where the request does not tell: staff steps are IN_STORE.
  channel?: EventChannel;
  storeId?: string | null;
  customerId?: string | null;
  cartId?: string | null;
  orderId?: string | null;
  productId?: string | null;
  // Resolved to its product and, with `quantity`, to a value (the variant's price) when the batch is written.
  variantId?: string | null;
  shelf?: string | null;
  quantity?: number | null;
  valueMinor?: number | null;
  occurredAt?: Date;
};

type Row = EventRow;

type OrderFields = {
  channel: Parameters<typeof channelOfOrder>[0];
  userId: string | null;
  pickupLocationId: string | null;
  cartId: string | null;
  totalMinor: number;
};

// The variant a bag event names, until the batch resolves it to its product and price.
const variantOf = new WeakMap<Row, string>();

const FLUSH_MS = 250;
const BATCH = 500;
const queue: Row[] = [];
const pending = new Set<Promise<unknown>>();
let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Records an event without making the caller wait: it returns at once, the request's details are read once the
 * response has gone and the event is written with others in one INSERT a moment later. A failure is logged, never
 * thrown. For route handlers, server actions and background jobs (not pages: a page's request cannot be read then).
 */
export function recordEvent(input: EventInput): void {
  if (env.ANALYTICS_RECORDING === 'off') return;
  const occurredAt = input.occurredAt ?? new Date();
  later(() => fromRequest({ ...input, occurredAt }).then(enqueue));
}

/**
 * An order's step (placed, paid, ready, collected, not collected): its channel is the one it was ordered on, unless
 * the step happened at the counter (`IN_STORE`); its store, customer, bag and total come from the order itself.
 * Placed also carries where its bag was started (bag-start.ts).
 * Paid (`ORDER_PAID`, `IN_STORE_SALE`, recorded once the payment has committed) also records the points the order
 * earned and the points its checkout spent, from the ledger.
 */
export function recordOrderEvent(
  type: CommerceEventType,
  orderId: string,
  extra: Omit<EventInput, 'type' | 'orderId'> = {},
  // The order's fields when the caller has just written them (checkout): no need to read the order back.
  known?: OrderFields,
): void {
  if (env.ANALYTICS_RECORDING === 'off') return;
  const occurredAt = extra.occurredAt ?? new Date();
  later(async () => {
    const request = requestDetails();
    const order =
      known ??
      (await db.order.findUnique({
        where: { id: orderId },
        select: { channel: true, userId: true, pickupLocationId: true, cartId: true, totalMinor: true },
      }));
    if (!order) return;
    const { anonymousId } = await request;
    // The bag's adds still queued here are written first, so that its first add is found (most were written long
    // before; a write per order would undo the batching).
    if (type === 'ORDER_PLACED' && queue.some((e) => e.cartId === order.cartId && e.type === 'BAG_ADDED')) await writeBatch();
    const start = type === 'ORDER_PLACED' && order.cartId ? await bagStart(order.cartId, occurredAt) : null;
    enqueue({
      ...row({ type, orderId }),
      channel: extra.channel ?? channelOfOrder(order.channel),
      storeId: order.pickupLocationId,
      customerId: order.userId,
      anonymousId,
      cartId: order.cartId,
      valueMinor: extra.valueMinor === undefined ? order.totalMinor : extra.valueMinor,
      quantity: extra.quantity ?? null,
      occurredAt,
      bagChannel: start?.channel ?? null,
      bagAnonymousId: start?.anonymousId ?? null,
    });
    if (type === 'ORDER_PAID' || type === 'IN_STORE_SALE') for (const e of await ledgerEvents(orderPointsEntries(orderId))) enqueue(row(e));
  });
}

/**
 * Points earned, spent or expired, one event per loyalty ledger entry matching `where`. Call it after the
 * transaction that wrote the entries has committed: it reads them back, so a rolled-back change records nothing.
 */
export function recordLedgerEvents(where: Parameters<typeof ledgerEvents>[0]): void {
  if (env.ANALYTICS_RECORDING === 'off') return;
  later(() => ledgerEvents(where).then((events) => events.forEach((e) => enqueue(row(e)))));
}

/** Writes whatever is queued now (tests, and a server shutting down). */
export async function flushEvents(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
  await writeBatch();
}

function track(work: Promise<unknown>): Promise<unknown> {
  const tracked = work.catch((error: unknown) => console.error('[analytics] could not record an event', error));
  pending.add(tracked);
  void tracked.finally(() => pending.delete(tracked));
  return tracked;
}

// Recording's own work (reading the request's headers, cookies and session, the order, the queue) runs once the
// response has gone (after(): route handlers and server actions may still read the request then), so the request
// never waits for it. Outside a request (a job, a test calling a handler directly) there is no response: it runs now.
function later(work: () => Promise<unknown>): void {
  try {
    after(() => track(work()));
  } catch {
    void track(work());
  }
}

type RequestDetails = { channel: EventChannel | null; anonymousId: string | null; storeId: string | null };

// Read after the response of a route handler or server action, whose request can still be read then; outside a
// request (a script, the webhook's follow-up, the sweeper) there is nothing to read.
async function requestDetails(): Promise<RequestDetails> {
  try {
    const [h, jar] = await Promise.all([headers(), cookies()]);
    return { channel: channelFromHeaders(h), anonymousId: await getAnonymousId(), storeId: jar.get(MY_STORE_COOKIE)?.value ?? null };
  } catch {
    return { channel: null, anonymousId: null, storeId: null };
  }
}

async function fromRequest(input: EventInput): Promise<Row> {
  const [request, customerId] = await Promise.all([
    requestDetails(),
    input.customerId === undefined ? signedInCustomer() : input.customerId,
  ]);
  return Object.assign(row(input), {
    channel: input.channel ?? request.channel ?? 'DESKTOP_WEB',
    storeId: input.storeId === undefined ? request.storeId : input.storeId,
    anonymousId: request.anonymousId,
    customerId,
  });
}

// Outside a request there is no session to read (no customer).
async function signedInCustomer(): Promise<string | null> {
  try {
    return (await getSessionUser())?.id ?? null;
  } catch {
    return null;
  }
}

function row(input: EventInput): Row {
  const event: Row = {
    type: input.type,
    channel: input.channel ?? 'DESKTOP_WEB',
    storeId: input.storeId ?? null,
    anonymousId: null,
    customerId: input.customerId ?? null,
    cartId: input.cartId ?? null,
    orderId: input.orderId ?? null,
    productId: input.productId ?? null,
    shelf: input.shelf ?? null,
    quantity: input.quantity ?? null,
    valueMinor: input.valueMinor ?? null,
    occurredAt: input.occurredAt ?? new Date(),
    bagChannel: null,
    bagAnonymousId: null,
  };
  if (input.variantId) variantOf.set(event, input.variantId);
  return event;
}

function enqueue(event: Row): void {
  queue.push(event);
  if (queue.length >= BATCH) void writeBatch();
  else timer ??= setTimeout(() => void writeBatch(), FLUSH_MS).unref();
}

async function writeBatch(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = queue.splice(0, queue.length);
  if (!batch.length) return;
  try {
    await resolveVariants(batch);
    await insertEvents(batch);
  } catch (error) {
    // Analytics never costs a sale: a batch that cannot be written is logged and dropped.
    console.error(`[analytics] could not write ${batch.length} events`, error);
  }
}

async function resolveVariants(batch: Row[]): Promise<void> {
  const ids = [...new Set(batch.flatMap((e) => (variantOf.has(e) && !e.productId ? [variantOf.get(e)!] : [])))];
  if (!ids.length) return;
  const variants = await db.variant.findMany({ where: { id: { in: ids } }, select: { id: true, productId: true, priceMinor: true } });
  const byId = new Map(variants.map((v) => [v.id, v]));
  for (const event of batch) {
    const variantId = variantOf.get(event);
    const variant = variantId ? byId.get(variantId) : undefined;
    if (!variant) continue;
    event.productId = variant.productId;
    event.valueMinor ??= variant.priceMinor * (event.quantity ?? 1);
  }
}
