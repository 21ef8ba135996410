import { AppError, type ErrorDetails } from '@/lib/errors';

export type PickupErrorCode =
  | 'not_found'
  | 'not_all_picked'
  | 'unknown_line'
  | 'wrong_code'
  | 'code_locked'
  | 'already_collected'
  | 'payment_required'
  | 'payment_mismatch'
  | 'payment_not_due'
  | 'not_ready'
  | 'substitution_pending'
  | 'substitute_unavailable'
  | 'line_resolved'
  | 'substitution_not_found'
  | 'substitution_answered'
  | 'nothing_to_accept';

const statusOf: Record<PickupErrorCode, number> = {
  not_found: 404,
  not_all_picked: 422,
  unknown_line: 400,
  wrong_code: 422,
  code_locked: 429,
  already_collected: 409,
  payment_required: 422,
  payment_mismatch: 422,
  payment_not_due: 422,
  not_ready: 422,
  substitution_pending: 422,
  substitute_unavailable: 422,
  line_resolved: 422,
  substitution_not_found: 404,
  substitution_answered: 409,
  nothing_to_accept: 422,
};

export class PickupError extends AppError {
  declare readonly code: PickupErrorCode;
  constructor(code: PickupErrorCode, message: string, details?: ErrorDetails) {
    super(statusOf[code], code, message, details);
  }
}

// An order that is not a pickup at one of the caller's stores is the same 404 as one that does not exist.
export const pickupNotFound = () => new PickupError('not_found', 'We could not find that order.');
