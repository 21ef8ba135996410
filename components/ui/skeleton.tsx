import { cn } from '@/lib/utils';

// A grey placeholder block shown while a page loads.
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('skeleton', className)} />;
}
