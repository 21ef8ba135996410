// Thrown by the require* helpers; route handlers turn them into 401/403 and actions into a message.
export class AuthorizationError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: 'unauthenticated' | 'forbidden',
    message: string,
  ) {
    super(message);
    this.name = 'AuthorizationError';
  }
}

export const unauthenticated = () => new AuthorizationError(401, 'unauthenticated', 'Please sign in to continue.');
export const forbidden = () => new AuthorizationError(403, 'forbidden', 'You do not have access to this.');
