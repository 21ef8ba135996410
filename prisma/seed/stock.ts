// Stock per variant and location: plenty in the warehouse, patchy in stores, a few sell-outs.
import type { SeedCatalog } from './catalog';
import type { SeedLocation } from './locations';
import { createRng, randInt, type Rng } from './random';

export interface SeedStock {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
}

// Products sold out everywhere (by position in the catalog), so "out of stock" is demonstrable.
export const soldOutProductIndexes = [6, 41, 83];

const edgeSizes = new Set(['XS', 'XL', '5', '11', '28', '36']);

function storeQuantity(rng: Rng, depth: number, edge: boolean): number {
  const r = rng();
  const empty = (edge ? 0.3 : 0.15) / depth;
  if (r < empty) return 0;
  if (r < empty + 0.15) return randInt(rng, 1, 2);
  return randInt(rng, 3, Math.round(6 + 8 * depth));
}

export function buildStock(catalog: SeedCatalog, locations: SeedLocation[]): SeedStock[] {
  const rng = createRng(424242);
  const soldOut = new Set(soldOutProductIndexes.map((i) => catalog.products[i]?.id));
  // Bigger stores carry deeper stock; some stores simply do not range some products.
  const depth = new Map(locations.map((l, i) => [l.id, l.type === 'WAREHOUSE' ? 1 : ([1, 1.3, 1.1, 0.9, 0.8, 0.6][i % 6] ?? 1)]));
  const stock: SeedStock[] = [];
  for (const variant of catalog.variants) {
    const gone = soldOut.has(variant.productId);
    const edge = variant.size !== null && edgeSizes.has(variant.size);
    for (const location of locations) {
      let onHand = 0;
      if (!gone) {
        if (location.type === 'WAREHOUSE') {
          const r = rng();
          onHand = r < 0.03 ? 0 : r < 0.1 ? randInt(rng, 1, 2) : randInt(rng, 8, edge ? 30 : 90);
        } else {
          onHand = storeQuantity(rng, depth.get(location.id) ?? 1, edge);
        }
      }
      stock.push({ variantId: variant.id, locationId: location.id, onHand, reserved: 0 });
    }
  }
  return stock;
}
