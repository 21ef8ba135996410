import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { AnalyticsFilters } from '@/components/analytics/analytics-filters';
import { AnalyticsSection } from '@/components/analytics/analytics-section';
import { loadDashboard } from '@/lib/analytics/dashboard';
import { analyticsQuerySchema, filterParams, toFilter } from '@/lib/analytics/filters';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Analytics', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// The merchant's view of how the channels feed each other, for admins only (checked here and in lib/analytics).
export default async function AnalyticsPage({ searchParams }: Props) {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/admin/analytics');
  // A 404 with app/admin/not-found.tsx, before anything is streamed.
  if (user.role !== 'ADMIN') notFound();
  const raw = await searchParams;
  const parsed = analyticsQuerySchema.safeParse({
    from: first(raw.from),
    to: first(raw.to),
    channel: first(raw.channel),
    store: first(raw.store),
  });
  const filter = toFilter(parsed.success ? parsed.data : {});
  const error = parsed.success ? undefined : `${parsed.error.issues[0]?.message ?? 'The filter is not valid.'} Showing the last 30 days.`;
  const { stores, tables } = await loadDashboard(user, filter);
  const query = filterParams(filter).toString();
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Analytics</h1>
        <p className="mt-1 text-muted">
          First-party events recorded by the shop, {filter.from} to {filter.to} (UTC days).
        </p>
      </div>
      <AnalyticsFilters filter={filter} stores={stores} error={error} />
      <nav aria-label="Sections">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {tables.map((t) => (
            <li key={t.id}>
              <a href={`#section-${t.id}`} className="inline-flex min-h-11 items-center underline">
                {t.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tables.map((table) => (
        <AnalyticsSection key={table.id} table={table} currency={env.SHOP_CURRENCY} query={query} />
      ))}
    </div>
  );
}
