import { AppError } from '@/lib/errors';
import type { OrderStatus } from '@/lib/generated/prisma/enums';

// The order lifecycle as data. PENDING: stock held, awaiting payment. PAID: paid online. CONFIRMED: pay at
// pickup, stock still held. Orders only move forwards; CANCELLED and COMPLETED are final.
const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['PAID', 'CONFIRMED', 'CANCELLED'],
  PAID: ['READY_FOR_PICKUP', 'COMPLETED', 'CANCELLED'],
  CONFIRMED: ['READY_FOR_PICKUP', 'CANCELLED'],
  READY_FOR_PICKUP: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export const ORDER_STATUSES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

export class TransitionError extends AppError {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(422, 'invalid_transition', `An order that is ${describeStatus(from)} cannot become ${describeStatus(to)}.`);
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
}

// Every status an order may be in for `to` to be a legal next step.
export function statusesBefore(to: OrderStatus): OrderStatus[] {
  return ORDER_STATUSES.filter((from) => canTransition(from, to));
}

function describeStatus(status: OrderStatus): string {
  switch (status) {
    case 'PENDING':
      return 'awaiting payment';
    case 'PAID':
      return 'paid';
    case 'CONFIRMED':
      return 'confirmed (pay at pickup)';
    case 'READY_FOR_PICKUP':
      return 'ready for pickup';
    case 'COMPLETED':
      return 'completed';
    case 'CANCELLED':
      return 'cancelled';
  }
}
