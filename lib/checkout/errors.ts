import { AppError } from '@/lib/errors';

// The bag changed between reading it and placing its order (another tab, or the order just placed from it took its
// lines): nothing was written; the shopper checks the bag and places again.
export class CartChangedError extends AppError {
  constructor() {
    super(409, 'cart_changed', 'Your bag changed while the order was being placed. Check it and try again.');
  }
}

// This version of the bag has already become an order that is confirmed or paid: one bag, one order.
export class AlreadyPlacedError extends AppError {
  constructor(order: { id: string; number: string }) {
    super(409, 'already_placed', `This bag has already been ordered (order ${order.number}).`, {
      orderId: order.id,
      confirmationUrl: `/orders/${order.id}`,
    });
  }
}

// A repeat of a checkout attempt whose order has since been cancelled (declined, or its hold ran out).
export class AttemptCancelledError extends AppError {
  constructor(order: { id: string; number: string }) {
    super(409, 'attempt_cancelled', `Order ${order.number} from this attempt was cancelled. Place the order again.`, { orderId: order.id });
  }
}
