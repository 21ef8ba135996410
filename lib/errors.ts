// The base of every refusal a caller can act on. The API answers it as { error: { code, message, ...details } }
// with its status (lib/api/respond.ts); a server action shows its message. Anything else is a bug: logged, answered 500.
// No 'server-only' here: client components import modules (totals, the order state machine) that define errors.
export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
