import type { Cell, CellKind } from '@/lib/analytics/types';
import { formatMoney } from '@/lib/utils';

const count = new Intl.NumberFormat('en-GB');
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

// How a cell reads on the page; an empty measure (nothing to divide by, no order ready yet) is a dash, read "none".
export function formatCell(value: Cell, kind: CellKind, currency: string): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'money':
      return formatMoney(Math.round(value), currency);
    case 'percent':
      return percent.format(value);
    case 'minutes':
      return value >= 120 ? `${oneDecimal.format(value / 60)} h` : `${oneDecimal.format(value)} min`;
    default:
      return count.format(value);
  }
}
