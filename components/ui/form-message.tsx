import { cn } from '@/lib/utils';

// A form's outcome in words: a polite status when it worked, an alert when it did not. Takes an action's state.
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | undefined }) {
  if (!state?.message) return null;
  return (
    <p
      role={state.ok ? 'status' : 'alert'}
      className={cn('rounded px-3 py-2 text-sm', state.ok ? 'bg-brand-soft text-ink' : 'bg-danger/10 text-danger')}
    >
      {state.message}
    </p>
  );
}
