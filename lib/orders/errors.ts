import { AppError } from '@/lib/errors';

// Refusals a caller can act on; route handlers map `status` and `code` onto the API's error shape.
export type OrderErrorCode =
  | 'empty_order'
  | 'variant_not_found'
  | 'currency_mismatch'
  | 'store_unavailable'
  | 'warehouse_missing'
  | 'address_required'
  | 'order_not_found'
  | 'payment_not_allowed'
  | 'hold_expired'
  | 'payment_unavailable'
  | 'rate_limited';

const statusOf: Record<OrderErrorCode, number> = {
  empty_order: 400,
  variant_not_found: 404,
  currency_mismatch: 409,
  store_unavailable: 409,
  warehouse_missing: 503,
  address_required: 400,
  order_not_found: 404,
  payment_not_allowed: 409,
  hold_expired: 409,
  payment_unavailable: 502,
  rate_limited: 429,
};

export class OrderError extends AppError {
  declare readonly code: OrderErrorCode;
  constructor(code: OrderErrorCode, message: string) {
    super(statusOf[code], code, message);
  }
}

export const orderNotFound = () => new OrderError('order_not_found', 'We could not find that order.');
