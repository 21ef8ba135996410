export type ShortLine = { variantId: string; sku: string; name: string; requested: number; available: number };

// Some lines could not be held at the chosen location; nothing was written. The UI offers another store or delivery.
export class OutOfStockError extends Error {
  readonly code = 'out_of_stock';
  readonly status = 409;
  constructor(
    readonly locationId: string,
    readonly lines: ShortLine[],
  ) {
    super(`Not enough stock for ${lines.map((l) => l.name).join(', ')}.`);
    this.name = 'OutOfStockError';
  }
}
