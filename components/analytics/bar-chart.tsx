import type { AnalyticsTable } from '@/lib/analytics/types';
import { formatCell } from './format-cell';

const ROW = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 440;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 120;

// A horizontal bar chart drawn on the server as SVG text and shapes (no image, no script). Screen readers get its
// title and a one-sentence summary; the table next to it holds every number.
export function BarChart({ table, currency }: { table: AnalyticsTable; currency: string }) {
  const column = table.columns.find((c) => c.key === table.chart.valueKey)!;
  const labelKey = table.columns[0]!.key;
  const bars = table.rows.map((row) => ({
    label: String(row[labelKey] ?? ''),
    value: typeof row[column.key] === 'number' ? (row[column.key] as number) : null,
  }));
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const height = bars.length * ROW + 8;
  const titleId = `chart-${table.id}-title`;
  const descId = `chart-${table.id}-desc`;
  const summary = bars.map((b) => `${b.label}: ${formatCell(b.value, column.kind, currency)}`).join('; ');
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-3xl"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{`${table.title}: ${column.label}`}</title>
      <desc id={descId}>{summary || 'No data yet.'}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 4;
        const width = max > 0 && bar.value ? Math.max(2, (bar.value / max) * BAR_WIDTH) : 0;
        return (
          <g key={bar.label + i} aria-hidden="true">
            <text x={LABEL_WIDTH - 8} y={y + 17} textAnchor="end" className="fill-ink text-[13px]">
              {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} rx={3} className="fill-brand" />
            <text x={LABEL_WIDTH + width + 6} y={y + 17} className="fill-ink text-[13px]">
              {formatCell(bar.value, column.kind, currency)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
