import { cn } from '@/lib/utils';

// A plain GET form to /search: works before (and without) JavaScript.
export function SearchForm({ id, defaultValue, className }: { id: string; defaultValue?: string; className?: string }) {
  return (
    <form role="search" action="/search" method="get" className={cn('relative flex w-full', className)}>
      <label htmlFor={id} className="sr-only">
        Search products
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Search products"
        enterKeyHint="search"
        autoComplete="off"
        maxLength={200}
        className="h-11 w-full rounded-pill border border-border bg-surface pr-11 pl-3 text-base text-ink placeholder:text-muted focus:border-ink sm:pl-4"
      />
      <button
        type="submit"
        className="absolute top-0 right-0 inline-flex h-11 w-11 items-center justify-center rounded-pill text-ink hover:text-brand"
      >
        <svg
          aria-hidden="true"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only">Search</span>
      </button>
    </form>
  );
}
