// What a shopper reads about stock at a store, for one variant or a whole cart.
const LOW_STOCK_THRESHOLD = 3;

export type StockLevel = 'in_stock' | 'low_stock' | 'out_of_stock';

export function stockLevel(available: number): StockLevel {
  if (available <= 0) return 'out_of_stock';
  return available <= LOW_STOCK_THRESHOLD ? 'low_stock' : 'in_stock';
}

export function stockLabel(available: number): string {
  const level = stockLevel(available);
  if (level === 'out_of_stock') return 'Out of stock';
  return level === 'low_stock' ? `Only ${available} left` : 'In stock';
}

export type CartLineNeed = { variantId: string; quantity: number };

// A line counts as available when the store can cover its whole quantity.
export function summariseCartAvailability(lines: readonly CartLineNeed[], availableByVariant: ReadonlyMap<string, number>) {
  const total = lines.length;
  const availableLines = lines.filter((l) => (availableByVariant.get(l.variantId) ?? 0) >= l.quantity).length;
  let label: string;
  if (total === 1) label = availableLines === 1 ? 'Item available' : 'Item not available';
  else if (availableLines === total) label = `All ${total} items available`;
  else if (availableLines === 0) label = `None of ${total} items available`;
  else label = `${availableLines} of ${total} available`;
  return { availableLines, totalLines: total, allAvailable: total > 0 && availableLines === total, label };
}
