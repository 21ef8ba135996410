import type { AnalyticsTable as Table } from '@/lib/analytics/types';
import { formatCell } from './format-cell';

// Every number of a section, with the first column as each row's header.
export function AnalyticsTable({ table, currency }: { table: Table; currency: string }) {
  const [first, ...rest] = table.columns;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr className="border-b border-border">
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={c.kind === 'text' ? 'py-2 pr-4 font-semibold' : 'py-2 pr-4 text-right font-semibold'}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-b border-border/60">
              <th scope="row" className="py-2 pr-4 font-medium">
                {formatCell(row[first!.key] ?? null, first!.kind, currency)}
              </th>
              {rest.map((c) => (
                <td key={c.key} className="py-2 pr-4 text-right tabular-nums">
                  {formatCell(row[c.key] ?? null, c.kind, currency)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
