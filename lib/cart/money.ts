import { formatMoney } from '@/lib/utils';
import type { Money } from './types';

// Prices travel with their formatted form so every client shows the server's numbers the same way.
export function money(amountMinor: number, currency: string): Money {
  return { amountMinor, currency, formatted: formatMoney(amountMinor, currency) };
}
