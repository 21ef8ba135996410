// Six months of plausible purchase history, so recommendation shelves have something to say.
import type { ProductArtKind } from '../../lib/catalog/product-art';
import { countCoPurchases, type CoPurchaseCount } from '../../lib/recommendations/co-purchases';
import type { SeedCatalog, SeedVariant } from './catalog';
import type { SeedLocation } from './locations';
import type { SeedUser } from './people';
import { createRng, hashString, pick, pickWeighted, randInt, seedId, shuffle, type Rng } from './random';

interface SeedOrder {
  id: string;
  number: string;
  userId: string;
  email: string;
  status: 'COMPLETED';
  channel: 'WEB_MOBILE' | 'WEB_DESKTOP' | 'IMPORT';
  fulfilment: 'DELIVERY' | 'PICKUP';
  pickupLocationId: string | null;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  discountMinor: number;
  totalMinor: number;
  placedAt: Date;
  paidAt: Date;
  createdAt: Date;
  updatedAt: Date;
}
interface SeedOrderLine {
  id: string;
  orderId: string;
  productId: string;
  variantId: string;
  name: string;
  sku: string;
  unitPriceMinor: number;
  quantity: number;
  position: number;
}
export interface SeedHistory {
  orders: SeedOrder[];
  lines: SeedOrderLine[];
  coPurchases: CoPurchaseCount[];
}

const FIRST_ORDER_NUMBER = 100001;
const FREE_DELIVERY_FROM_MINOR = 7500;
const DELIVERY_MINOR = 450;
const DAY = 86_400_000;

// What tends to go in the same basket as what (by product kind).
const companions: Record<ProductArtKind, ProductArtKind[]> = {
  jacket: ['beanie', 'gloves', 'scarf', 'knit'],
  knit: ['scarf', 'shirt', 'trousers'],
  shirt: ['trousers', 'knit', 'tee'],
  tee: ['trousers', 'tee', 'cap'],
  trousers: ['belt', 'shirt', 'tee', 'shoe'],
  shoe: ['socks', 'trousers'],
  boot: ['socks', 'jacket'],
  bag: ['bottle', 'scarf'],
  backpack: ['bottle', 'jacket'],
  beanie: ['gloves', 'scarf', 'jacket'],
  scarf: ['gloves', 'beanie', 'knit'],
  gloves: ['beanie', 'scarf'],
  belt: ['trousers'],
  cap: ['tee'],
  socks: ['boot', 'shoe'],
  mug: ['towel', 'mug', 'candle'],
  towel: ['mug', 'towel'],
  blanket: ['candle', 'cushion'],
  candle: ['blanket', 'cushion', 'mug'],
  bottle: ['backpack', 'mug'],
  cushion: ['blanket', 'candle'],
};
const multiples = new Set<ProductArtKind>(['socks', 'mug', 'towel', 'tee']);

interface Item {
  id: string;
  name: string;
  kind: ProductArtKind;
  category: string;
  createdAt: number;
  variants: SeedVariant[];
  weight: number;
}
interface Buyer {
  user: SeedUser;
  likes: string[];
  storeId: string | null;
  weight: number;
}

export interface HistoryOptions {
  catalog: SeedCatalog;
  locations: SeedLocation[];
  customers: SeedUser[];
  shopper?: SeedUser;
  orders?: number;
  now?: Date;
}

export function buildOrderHistory(options: HistoryOptions): SeedHistory {
  const { catalog, locations, customers, shopper } = options;
  const now = (options.now ?? new Date()).getTime();
  const rng = createRng(9001);
  const byProduct = new Map<string, SeedVariant[]>();
  for (const v of catalog.variants) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
  const ranks = shuffle(
    rng,
    catalog.products.map((_, i) => i),
  );
  const items: Item[] = catalog.products
    .map((p, i) => ({
      id: p.id,
      name: p.name,
      kind: catalog.meta[i]?.kind ?? 'tee',
      category: catalog.meta[i]?.categorySlug ?? '',
      createdAt: p.createdAt.getTime(),
      variants: byProduct.get(p.id) ?? [],
      weight: 1 / Math.pow(1 + (ranks[i] ?? 0), 0.6),
    }))
    .filter((item) => item.variants.length > 0);
  const byKind = new Map<ProductArtKind, Item[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  const categories = [...new Set(items.map((i) => i.category))];
  const pickupStores = locations.filter((l) => l.type === 'STORE' && l.pickupEnabled);

  const persona = (user: SeedUser, weight: number, likes?: string[]): Buyer => ({
    user,
    weight,
    likes: likes ?? shuffle(rng, categories).slice(0, 2),
    storeId: pickupStores.length ? pick(rng, pickupStores).id : null,
  });
  const buyers = customers.map((c) => persona(c, Math.pow(1 + rng() * 3, 2)));

  const available = (list: Item[], at: number) => list.filter((i) => i.createdAt <= at);
  const popular = (list: Item[]) =>
    pickWeighted(
      rng,
      list,
      list.map((i) => i.weight),
    );
  const companionOf = (item: Item, at: number): Item | undefined => {
    const kind = pick(rng, companions[item.kind]);
    const options = available(byKind.get(kind) ?? [], at);
    if (!options.length) return undefined;
    // A strong favourite partner per product and kind, so pairs stand out from the noise.
    const favourite = options[hashString(item.id + kind) % options.length];
    return rng() < 0.7 && favourite ? favourite : popular(options);
  };

  const basket = (buyer: Buyer, at: number): Item[] => {
    const pool = available(items, at);
    const liked = pool.filter((i) => buyer.likes.includes(i.category));
    const chosen: Item[] = [popular(rng() < 0.6 && liked.length ? liked : pool)];
    const size = pickWeighted(rng, [1, 2, 3, 4, 5], [30, 35, 20, 10, 5]);
    for (let tries = 0; chosen.length < size && tries < 12; tries++) {
      const next = rng() < 0.65 ? companionOf(pick(rng, chosen), at) : popular(pool);
      if (next && !chosen.includes(next)) chosen.push(next);
    }
    return chosen;
  };

  const drafts: { buyer: Buyer; at: number; items: Item[] }[] = [];
  const total = options.orders ?? 600;
  for (let i = 0; i < total; i++) {
    const buyer = pickWeighted(
      rng,
      buyers,
      buyers.map((b) => b.weight),
    );
    const at = now - Math.round(rng() * 182 * DAY) - randInt(rng, 1, 3600) * 1000;
    drafts.push({ buyer, at, items: basket(buyer, at) });
  }
  if (shopper) {
    const me = persona(shopper, 1, ['jackets', 'bags-and-accessories']);
    [150, 96, 61, 33, 9].forEach((days) => {
      const at = now - days * DAY - 4 * 3600_000;
      drafts.push({ buyer: me, at, items: basket(me, at) });
    });
  }
  drafts.sort((a, b) => a.at - b.at);

  const orders: SeedOrder[] = [];
  const lines: SeedOrderLine[] = [];
  drafts.forEach((draft, n) => {
    const orderId = seedId('ord', n + 1);
    let subtotal = 0;
    draft.items.forEach((item, position) => {
      const variant = pickVariant(rng, item.variants);
      const quantity = multiples.has(item.kind) && rng() < 0.3 ? 2 : 1;
      subtotal += variant.priceMinor * quantity;
      lines.push({
        id: seedId('oln', lines.length + 1),
        orderId,
        productId: item.id,
        variantId: variant.id,
        name: item.name,
        sku: variant.sku,
        unitPriceMinor: variant.priceMinor,
        quantity,
        position,
      });
    });
    const pickup = draft.buyer.storeId !== null && rng() < 0.25;
    const shipping = pickup || subtotal >= FREE_DELIVERY_FROM_MINOR ? 0 : DELIVERY_MINOR;
    const placedAt = new Date(draft.at);
    orders.push({
      id: orderId,
      number: `NW-${FIRST_ORDER_NUMBER + n}`,
      userId: draft.buyer.user.id,
      email: draft.buyer.user.email,
      status: 'COMPLETED',
      channel: pickWeighted(rng, ['WEB_MOBILE', 'WEB_DESKTOP', 'IMPORT'] as const, [45, 30, 25]),
      fulfilment: pickup ? 'PICKUP' : 'DELIVERY',
      pickupLocationId: pickup ? draft.buyer.storeId : null,
      currency: 'GBP',
      subtotalMinor: subtotal,
      shippingMinor: shipping,
      taxMinor: 0,
      discountMinor: 0,
      totalMinor: subtotal + shipping,
      placedAt,
      paidAt: placedAt,
      createdAt: placedAt,
      updatedAt: placedAt,
    });
  });
  return { orders, lines, coPurchases: countCoPurchases(basketsOf(lines)) };
}

function pickVariant(rng: Rng, variants: SeedVariant[]): SeedVariant {
  const middle = new Set(['M', 'L', 'S', '32', '34', '8', '9', '10', 'One size']);
  return pickWeighted(
    rng,
    variants,
    variants.map((v) => (v.size === null || middle.has(v.size) ? 3 : 1)),
  );
}

// Each order's products, in line order.
function basketsOf(lines: Pick<SeedOrderLine, 'orderId' | 'productId'>[]): string[][] {
  const perOrder = new Map<string, string[]>();
  for (const line of lines) perOrder.set(line.orderId, [...(perOrder.get(line.orderId) ?? []), line.productId]);
  return [...perOrder.values()];
}
