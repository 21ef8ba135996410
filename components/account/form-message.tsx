import type { ActionState } from '@/lib/action';
import { cn } from '@/lib/utils';

export function FormMessage({ state }: { state: ActionState | undefined }) {
  if (!state?.message) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={cn('rounded px-3 py-2 text-sm', state.ok ? 'bg-brand-soft text-ink' : 'bg-danger/10 text-danger')}>
      {state.message}
    </p>
  );
}
