import { AppError } from '@/lib/errors';

// Thrown by the require* helpers; the API answers 401/403 and actions show the message.
export class AuthorizationError extends AppError {
  declare readonly status: 401 | 403;
  declare readonly code: 'unauthenticated' | 'forbidden';
  constructor(status: 401 | 403, code: 'unauthenticated' | 'forbidden', message: string) {
    super(status, code, message);
  }
}

export const unauthenticated = () => new AuthorizationError(401, 'unauthenticated', 'Please sign in to continue.');
export const forbidden = () => new AuthorizationError(403, 'forbidden', 'You do not have access to this.');
