import Link from 'next/link';

// The Northwind Supply mark: a compass needle in the brand green, with the wordmark.
export function Logo() {
  return (
    <Link
      href="/"
      className="inline-flex min-h-11 shrink-0 items-center gap-2 font-bold tracking-tight text-ink"
      aria-label="Northwind Supply home"
    >
      <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
        <rect width="32" height="32" rx="8" fill="var(--color-brand)" />
        <path d="M16 5l5 11-5 11-5-11z" fill="var(--color-on-brand)" />
        <path d="M16 5l5 11H11z" fill="#9fd3b5" />
      </svg>
      <span className="text-lg leading-none">
        Northwind<span className="font-medium text-muted"> Supply</span>
      </span>
    </Link>
  );
}
