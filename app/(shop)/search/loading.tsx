import { Skeleton } from '@/components/ui/skeleton';

export default function SearchLoading() {
  return (
    <div role="status" aria-label="Searching">
      <Skeleton className="h-9 w-64" />
      <Skeleton className="mt-4 h-11 max-w-xl" />
      <div className="mt-10 grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="aspect-[4/5]" />
        ))}
      </div>
    </div>
  );
}
