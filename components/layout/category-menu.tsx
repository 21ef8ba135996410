import Link from 'next/link';
import type { CategorySummary } from '@/lib/catalog/types';

// Phones: the category list behind a menu button, a <details> disclosure so it needs no JavaScript.
export function CategoryMenu({ categories }: { categories: CategorySummary[] }) {
  return (
    <details className="group relative lg:hidden">
      <summary className="inline-flex h-11 w-11 list-none items-center justify-center rounded text-ink hover:bg-surface-alt">
        <svg
          aria-hidden="true"
          width="24"
          height="24"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <path d="M4 7h16M4 12h16M4 17h16" className="group-open:hidden" />
          <path d="M6 6l12 12M18 6 6 18" className="hidden group-open:block" />
        </svg>
        <span className="sr-only">Shop by category</span>
      </summary>
      <nav
        aria-label="Categories"
        className="absolute top-12 left-0 z-40 w-72 max-w-[calc(100vw-2rem)] rounded border border-border bg-surface p-2 shadow-lg"
      >
        <ul>
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/c/${c.slug}`} className="flex min-h-11 items-center rounded px-3 font-medium hover:bg-surface-alt">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
