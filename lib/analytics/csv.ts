import type { AnalyticsTable, Cell, CellKind } from './types';

// RFC 4180: every field quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed with
// an apostrophe so a spreadsheet never runs it as a formula.
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// Numbers as a spreadsheet reads them: money in pounds with two decimals, shares as fractions, minutes to one decimal.
function raw(value: Cell, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'money') return (value / 100).toFixed(2);
  if (kind === 'percent') return value.toFixed(4);
  if (kind === 'minutes') return value.toFixed(1);
  return String(value);
}

export function tableToCsv(table: AnalyticsTable): string {
  const header = table.columns.map((c) => field(c.kind === 'money' ? `${c.label} (GBP)` : c.label)).join(',');
  const lines = table.rows.map((row) => table.columns.map((c) => field(raw(row[c.key] ?? null, c.kind))).join(','));
  return [header, ...lines].join('\r\n') + '\r\n';
}
