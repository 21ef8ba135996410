import { AppError } from '@/lib/errors';

// Refusals a caller can act on; route handlers map them onto the API's error shape.
export type CartErrorCode =
  | 'variant_not_found'
  | 'line_not_found'
  | 'insufficient_stock'
  | 'quantity_limit'
  | 'too_many_lines'
  | 'stale_cart'
  | 'transfer_invalid'
  | 'not_a_guest_cart';

const statusOf: Record<CartErrorCode, number> = {
  variant_not_found: 404,
  line_not_found: 404,
  insufficient_stock: 409,
  quantity_limit: 409,
  too_many_lines: 409,
  stale_cart: 409,
  transfer_invalid: 410,
  not_a_guest_cart: 409,
};

export class CartError extends AppError {
  declare readonly code: CartErrorCode;
  constructor(code: CartErrorCode, message: string) {
    super(statusOf[code], code, message);
  }
}
