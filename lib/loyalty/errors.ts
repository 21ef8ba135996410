import { AppError } from '@/lib/errors';

export type LoyaltyErrorCode =
  | 'insufficient_points'
  | 'member_not_found'
  | 'invalid_token'
  | 'confirm_code_required'
  | 'wrong_confirm_code'
  | 'member_required'
  | 'points_not_allowed';

const STATUS: Record<LoyaltyErrorCode, number> = {
  insufficient_points: 409,
  member_not_found: 404,
  invalid_token: 400,
  confirm_code_required: 400,
  wrong_confirm_code: 403,
  member_required: 400,
  // Points asked for on an order that cannot take them (paid, a guest's, points already used).
  points_not_allowed: 422,
};

export class LoyaltyError extends AppError {
  declare readonly code: LoyaltyErrorCode;
  constructor(code: LoyaltyErrorCode, message: string, details?: Record<string, unknown>) {
    super(STATUS[code], code, message, details);
  }
}

export const memberNotFound = () => new LoyaltyError('member_not_found', 'We could not find that member.');
