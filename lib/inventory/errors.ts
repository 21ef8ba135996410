import { AppError } from '@/lib/errors';

export type ShortLine = { variantId: string; sku: string; name: string; requested: number; available: number };

// Some lines could not be held at the chosen location; nothing was written. The UI offers another store or delivery,
// so the answer carries the short lines (as `issues` in words, and as data).
export class OutOfStockError extends AppError {
  declare readonly code: 'out_of_stock';
  constructor(
    readonly locationId: string,
    readonly lines: ShortLine[],
  ) {
    super(409, 'out_of_stock', `Not enough stock for ${lines.map((l) => l.name).join(', ')}.`, {
      issues: lines.map((l) => ({
        path: l.variantId,
        message: l.available ? `Only ${l.available} of ${l.name} left here.` : `${l.name} is out of stock here.`,
      })),
      locationId,
      lines,
    });
  }
}
