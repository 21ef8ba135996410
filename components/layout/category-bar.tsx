import Link from 'next/link';
import type { CategorySummary } from '@/lib/catalog/types';

// Wider screens: the categories as a row of links under the header.
export function CategoryBar({ categories }: { categories: CategorySummary[] }) {
  return (
    <nav aria-label="Categories" className="hidden border-t border-border lg:block">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-6">
        {categories.map((c) => (
          <li key={c.id}>
            <Link
              href={`/c/${c.slug}`}
              className="inline-flex min-h-11 items-center px-3 text-sm font-medium whitespace-nowrap hover:text-brand hover:underline"
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
