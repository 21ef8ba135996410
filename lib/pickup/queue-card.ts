import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { PickupStatus } from '@/lib/generated/prisma/enums';
import { computeReadyBy } from '@/lib/stores/hours';
import type { QueueTab } from './queue-tabs';
import type { PickupCard } from './schemas';
import { REMINDER_AFTER_DAYS } from './no-show';
import { effectivePickupStatus } from './state';
import { clockOf, type StoreClock } from './store-clock';
import { pickedOf } from './substitution-card';

const DAY_MS = 24 * 60 * 60_000;

// Ready before this, an order has waited longer than the reminder's wait: the shopper has been reminded and the
// no-show sweeper is coming.
export const uncollectedBefore = (now: Date): Date => new Date(now.getTime() - REMINDER_AFTER_DAYS * DAY_MS);

// What a card on the staff queue shows of an order: read with this select, drawn by toCard.
export const cardSelect = {
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
      lines: {
        select: {
          orderLineId: true,
          status: true,
          substitution: true,
          substituteName: true,
          substituteSku: true,
          substitutionAskedAt: true,
        },
      },
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

export type CardRow = Prisma.OrderGetPayload<{ select: typeof cardSelect }>;

// The promise the shopper was given: the store's lead time from payment (or confirmation), within opening hours.
function readyByOf(row: CardRow, store: StoreClock): Date | null {
  const promised = computeReadyBy(clockOf(store), row.paidAt ?? row.placedAt);
  return promised ? new Date(promised.at) : null;
}

export function toCard(row: CardRow, store: StoreClock, now: Date): PickupCard {
  const card = cardOf(row, store, now);
  return { ...card, tabs: tabsOf(card) };
}

function cardOf(row: CardRow, store: StoreClock, now: Date): Omit<PickupCard, 'tabs'> {
  const status = effectivePickupStatus(row.status, row.pickup?.status);
  const readyBy = readyByOf(row, store);
  const picked = new Map(row.pickup?.lines.map((l) => [l.orderLineId, l]) ?? []);
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
    uncollected: Boolean(
      row.pickup?.readyAt && (status === 'READY' || status === 'WAITING') && row.pickup.readyAt < uncollectedBefore(now),
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
        ...pickedOf(picked.get(l.id)),
      };
    }),
  };
}

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
