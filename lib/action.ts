import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { AuthorizationError } from '@/lib/auth/errors';
import { AppError } from '@/lib/errors';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';

// Every server action goes through one of these: the session is loaded and the input parsed before
// the body runs, so no action can skip either (STYLE #7). Shaped for React's useActionState.
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  redirectTo?: string;
};

type Handler<S extends z.ZodType, U> = (input: z.output<S>, user: U) => Promise<ActionState | void>;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  return values;
}

function wrap<S extends z.ZodType, U>(schema: S, load: () => Promise<U>, fn: Handler<S, U>) {
  return async (_prev: ActionState | undefined, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    // Passwords are never sent back to the form.
    const echo = Object.fromEntries(Object.entries(values).filter(([k]) => !k.toLowerCase().includes('password')));
    try {
      const user = await load();
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        return {
          ok: false,
          message: 'Please check the highlighted fields.',
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
          values: echo,
        };
      }
      return (await fn(parsed.data, user)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return { ok: false, message: error.message, values: echo };
      console.error('[action] failed', error);
      return { ok: false, message: 'Something went wrong on our side. Please try again.', values: echo };
    }
  };
}

export function action<S extends z.ZodType>(schema: S, fn: Handler<S, SessionUser | null>) {
  return wrap(schema, getSessionUser, fn);
}

export function userAction<S extends z.ZodType>(schema: S, fn: Handler<S, SessionUser>) {
  return wrap(
    schema,
    async () => {
      const user = await getSessionUser();
      if (!user) throw new AuthorizationError(401, 'unauthenticated', 'Please sign in again to continue.');
      return user;
    },
    fn,
  );
}

export function staffAction<S extends z.ZodType>(schema: S, fn: Handler<S, SessionUser>) {
  return wrap(
    schema,
    async () => {
      const user = await getSessionUser();
      if (!user) throw new AuthorizationError(401, 'unauthenticated', 'Please sign in again to continue.');
      if (user.role !== 'STAFF' && user.role !== 'ADMIN') throw new AuthorizationError(403, 'forbidden', 'This is for store staff only.');
      return user;
    },
    fn,
  );
}
