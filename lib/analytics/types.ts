// One table of the dashboard, as the page draws it (chart and table) and the CSV export writes it.
export type CellKind = 'text' | 'count' | 'money' | 'percent' | 'minutes' | 'points';
export type Column = { key: string; label: string; kind: CellKind };
export type Cell = string | number | null;
export type AnalyticsTable = {
  id: TableId;
  title: string;
  // One sentence on what is counted, shown under the title and given to the chart as its description.
  about: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  // The column the chart draws, one bar per row labelled by the first column.
  chart: { valueKey: string };
  // Set when nothing has recorded these events yet ("no data yet").
  empty: boolean;
};

export const TABLE_IDS = [
  'sales-by-channel',
  'sales-by-store',
  'funnel',
  'pickup-service',
  'substitutions',
  'loyalty',
  'recommendations',
  'reminders',
  'cross-device',
  'collected-in-store',
  'cross-channel-points',
] as const;
export type TableId = (typeof TABLE_IDS)[number];
