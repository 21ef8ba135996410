import type { AnalyticsTable as Table } from '@/lib/analytics/types';
import { AnalyticsTable } from './analytics-table';
import { BarChart } from './bar-chart';

// One measure: its title, what it counts, a chart, the table, and the table as CSV for the same filters.
export function AnalyticsSection({ table, currency, query }: { table: Table; currency: string; query: string }) {
  const headingId = `section-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 border-t border-border pt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          {table.title}
        </h2>
        {!table.empty && (
          <a href={`/api/v1/admin/analytics/${table.id}?${query}`} download className="inline-flex min-h-11 items-center underline">
            Download CSV<span className="sr-only">: {table.title}</span>
          </a>
        )}
      </div>
      <p className="text-muted">{table.about}</p>
      {table.empty ? (
        <p className="rounded bg-surface-alt p-4">No data yet for this range.</p>
      ) : (
        <>
          <BarChart table={table} currency={currency} />
          <AnalyticsTable table={table} currency={currency} />
        </>
      )}
    </section>
  );
}
