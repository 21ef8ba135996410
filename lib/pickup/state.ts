import { AppError } from '@/lib/errors';
import type { OrderStatus, PickupStatus } from '@/lib/generated/prisma/enums';

// The store's side of a pickup order, as data. TO_PICK: paid (or confirmed to pay at pickup), nobody started.
// PICKING: an associate is gathering the lines. READY: on the shelf, the shopper told. WAITING: the shopper is at
// the counter. COLLECTED, NOT_COLLECTED and CANCELLED are final.
export const PICKUP_TRANSITIONS: Readonly<Record<PickupStatus, readonly PickupStatus[]>> = {
  TO_PICK: ['PICKING', 'CANCELLED'],
  PICKING: ['READY', 'CANCELLED'],
  READY: ['WAITING', 'COLLECTED', 'NOT_COLLECTED', 'CANCELLED'],
  WAITING: ['COLLECTED', 'NOT_COLLECTED', 'CANCELLED'],
  COLLECTED: [],
  NOT_COLLECTED: [],
  CANCELLED: [],
};

export const PICKUP_STATUSES = Object.keys(PICKUP_TRANSITIONS) as PickupStatus[];

// The order statuses a pickup status goes with: the order is READY_FOR_PICKUP while the parcel waits on the
// shelf, COMPLETED once collected. NOT_COLLECTED ends in a cancelled order (stock returned, payment refunded).
export const ORDER_STATUS_OF: Readonly<Record<PickupStatus, readonly OrderStatus[]>> = {
  TO_PICK: ['PAID', 'CONFIRMED'],
  PICKING: ['PAID', 'CONFIRMED'],
  READY: ['READY_FOR_PICKUP'],
  WAITING: ['READY_FOR_PICKUP'],
  COLLECTED: ['COMPLETED'],
  NOT_COLLECTED: ['CANCELLED'],
  CANCELLED: ['CANCELLED'],
};

export class PickupTransitionError extends AppError {
  constructor(
    readonly from: PickupStatus,
    readonly to: PickupStatus,
  ) {
    super(422, 'invalid_transition', `An order that is ${describePickupStatus(from)} cannot become ${describePickupStatus(to)}.`, {
      from,
      to,
    });
  }
}

function canPickupTransition(from: PickupStatus, to: PickupStatus): boolean {
  return PICKUP_TRANSITIONS[from].includes(to);
}

export function assertPickupTransition(from: PickupStatus, to: PickupStatus): void {
  if (!canPickupTransition(from, to)) throw new PickupTransitionError(from, to);
}

export function pickupStatusesBefore(to: PickupStatus): PickupStatus[] {
  return PICKUP_STATUSES.filter((from) => canPickupTransition(from, to));
}

// Where an order stands for the store: a cancelled order is cancelled whatever the store had done; an order the
// store has not touched (no Pickup row) is waiting to be picked.
export function effectivePickupStatus(orderStatus: OrderStatus, pickup: PickupStatus | null | undefined): PickupStatus {
  if (orderStatus === 'CANCELLED') return pickup === 'NOT_COLLECTED' ? 'NOT_COLLECTED' : 'CANCELLED';
  if (orderStatus === 'COMPLETED') return 'COLLECTED';
  return pickup ?? 'TO_PICK';
}

function describePickupStatus(status: PickupStatus): string {
  switch (status) {
    case 'TO_PICK':
      return 'waiting to be picked';
    case 'PICKING':
      return 'being picked';
    case 'READY':
      return 'ready for pickup';
    case 'WAITING':
      return 'waiting at the counter';
    case 'COLLECTED':
      return 'collected';
    case 'NOT_COLLECTED':
      return 'not collected';
    case 'CANCELLED':
      return 'cancelled';
  }
}
