import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { OrderStatus, PickupStatus } from '@/lib/generated/prisma/enums';
import { computeReadyBy, type OpeningHours } from '@/lib/stores/hours';
import { parseOpeningHours } from '@/lib/stores/view';
import { toLocalTime, zonedTimeToInstant } from '@/lib/stores/zoned-time';
import { pickupNotFound } from './errors';
import { QUEUE_TABS, type PickupCard, type QueueResponse, type QueueTab } from './schemas';
import { REMINDER_AFTER_DAYS } from './no-show';
import { effectivePickupStatus } from './state';

const DAY_MS = 24 * 60 * 60_000;

const cardSelect = {
  id: true,
  number: true,
  status: true,
  email: true,
  placedAt: true,
  paidAt: true,
  paymentProvider: true,
  totalMinor: true,
  currency: true,
  pickupLocationId: true,
  user: { select: { name: true } },
  pickup: {
    select: {
      status: true,
      readyAt: true,
      arrivedAt: true,
      collectedAt: true,
      collectedByKind: true,
      collectedByName: true,
      lockedUntil: true,
      lines: { select: { orderLineId: true, status: true } },
    },
  },
  lines: {
    orderBy: { position: 'asc' },
    select: {
      id: true,
      name: true,
      sku: true,
      quantity: true,
      variant: { select: { size: true, color: true } },
      product: { select: { images: { orderBy: { position: 'asc' }, take: 6, select: { url: true, alt: true, color: true } } } },
    },
  },
} as const satisfies Prisma.OrderSelect;

type CardRow = Prisma.OrderGetPayload<{ select: typeof cardSelect }>;
type StoreClock = {
  id: string;
  name: string;
  hours: OpeningHours;
  timeZone: string;
  pickupLeadMinutes: number;
  pickupCutoffMinutes: number;
};
// The shared ready-by computation (lib/stores/hours.ts) with this store's lead time and last collection before closing.
const clockOf = (s: StoreClock) => ({
  hours: s.hours,
  timeZone: s.timeZone,
  leadMinutes: s.pickupLeadMinutes,
  cutoffMinutes: s.pickupCutoffMinutes,
});

// The promise the shopper was given: the store's lead time from payment (or confirmation), within opening hours.
function readyByOf(row: CardRow, store: StoreClock): Date | null {
  const promised = computeReadyBy(clockOf(store), row.paidAt ?? row.placedAt);
  return promised ? new Date(promised.at) : null;
}

function toCard(row: CardRow, store: StoreClock, now: Date): PickupCard {
  const card = cardOf(row, store, now);
  return { ...card, tabs: tabsOf(card) };
}

function cardOf(row: CardRow, store: StoreClock, now: Date): Omit<PickupCard, 'tabs'> {
  const status = effectivePickupStatus(row.status, row.pickup?.status);
  const readyBy = readyByOf(row, store);
  const picked = new Map(row.pickup?.lines.map((l) => [l.orderLineId, l.status]) ?? []);
  const kind = row.pickup?.collectedByKind;
  return {
    id: row.id,
    number: row.number,
    storeId: store.id,
    shopperName: row.user?.name?.trim() || row.email.split('@')[0]!,
    status,
    orderStatus: row.status,
    placedAt: row.placedAt.toISOString(),
    readyBy: readyBy?.toISOString() ?? null,
    overdue: Boolean(readyBy && readyBy < now && (status === 'TO_PICK' || status === 'PICKING')),
    // Ready for longer than the reminder's wait: the shopper has been reminded and the no-show sweeper is coming.
    uncollected: Boolean(
      row.pickup?.readyAt &&
      (status === 'READY' || status === 'WAITING') &&
      now.getTime() - row.pickup.readyAt.getTime() > REMINDER_AFTER_DAYS * DAY_MS,
    ),
    arrivedAt: row.pickup?.arrivedAt?.toISOString() ?? null,
    collectedAt: row.pickup?.collectedAt?.toISOString() ?? null,
    collectedBy: kind ? { kind: kind === 'PROXY' ? 'proxy' : 'shopper', name: row.pickup?.collectedByName ?? null } : null,
    // Pay at pickup until the counter takes the money; an online payment (or a recorded counter payment) is paid.
    payment: row.paidAt ? { kind: 'paid' } : { kind: 'due', amountMinor: row.totalMinor, currency: row.currency },
    totalMinor: row.totalMinor,
    currency: row.currency,
    lockedUntil: row.pickup?.lockedUntil && row.pickup.lockedUntil > now ? row.pickup.lockedUntil.toISOString() : null,
    lines: row.lines.map((l) => {
      const images = l.product.images;
      const image = images.find((i) => i.color && i.color === l.variant?.color) ?? images[0];
      return {
        id: l.id,
        name: l.name,
        sku: l.sku,
        quantity: l.quantity,
        size: l.variant?.size ?? null,
        color: l.variant?.color ?? null,
        image: image ? { url: image.url, alt: image.alt } : null,
        picked: picked.get(l.id) ?? null,
      };
    }),
  };
}

const OPEN: OrderStatus[] = ['PAID', 'CONFIRMED', 'READY_FOR_PICKUP'];

function tabsOf(card: Omit<PickupCard, 'tabs'>): QueueTab[] {
  const tabs: QueueTab[] = [];
  const byStatus: Partial<Record<PickupStatus, QueueTab>> = {
    TO_PICK: 'to_pick',
    PICKING: 'picking',
    READY: 'ready',
    WAITING: 'waiting',
    COLLECTED: 'collected',
  };
  const tab = byStatus[card.status];
  if (tab) tabs.push(tab);
  if (card.overdue || card.uncollected || card.lines.some((l) => l.picked === 'SHORT') || card.lockedUntil) tabs.push('problems');
  return tabs;
}

function startOfStoreDay(now: Date, timeZone: string): Date {
  return zonedTimeToInstant(toLocalTime(now, timeZone), 0, timeZone);
}

async function storeClock(storeId: string): Promise<StoreClock> {
  const store = await db.location.findUnique({
    where: { id: storeId },
    select: { id: true, name: true, openingHours: true, timeZone: true, pickupLeadMinutes: true, pickupCutoffMinutes: true, type: true },
  });
  if (!store || store.type !== 'STORE') throw pickupNotFound();
  return {
    id: store.id,
    name: store.name,
    hours: parseOpeningHours(store.openingHours),
    timeZone: store.timeZone,
    pickupLeadMinutes: store.pickupLeadMinutes,
    pickupCutoffMinutes: store.pickupCutoffMinutes,
  };
}

// The store's queue: every pickup order paid or confirmed and not yet collected, plus those collected today; one tab
// of it when asked, sorted by the ready-by time promised (the most urgent first), with each tab's count for badges.
// The caller has already checked the user acts for this store (lib/pickup/access.ts).
export async function storeQueue(storeId: string, tab: QueueTab | null, now: Date = new Date()): Promise<QueueResponse> {
  const store = await storeClock(storeId);
  const rows = await db.order.findMany({
    where: {
      fulfilment: 'PICKUP',
      pickupLocationId: storeId,
      OR: [{ status: { in: OPEN } }, { status: 'COMPLETED', pickup: { collectedAt: { gte: startOfStoreDay(now, store.timeZone) } } }],
    },
    select: cardSelect,
  });
  const cards = rows.map((r) => toCard(r, store, now));
  const counts = Object.fromEntries(QUEUE_TABS.map((t) => [t, 0])) as Record<QueueTab, number>;
  for (const card of cards) for (const t of card.tabs) counts[t]++;
  const chosen = tab ? cards.filter((c) => c.tabs.includes(tab)) : cards;
  const key = (c: PickupCard) => (tab === 'collected' ? -Date.parse(c.collectedAt ?? c.placedAt) : Date.parse(c.readyBy ?? c.placedAt));
  chosen.sort((a, b) => key(a) - key(b));
  return { store: { id: store.id, name: store.name }, tab, counts, orders: chosen };
}

// One order for the counter. The caller has already scoped it to the user's stores (requireStaffOfOrder).
export async function staffOrderCard(orderId: string, now: Date = new Date()): Promise<PickupCard> {
  const row = await db.order.findUnique({ where: { id: orderId }, select: cardSelect });
  if (!row?.pickupLocationId) throw pickupNotFound();
  return toCard(row, await storeClock(row.pickupLocationId), now);
}
