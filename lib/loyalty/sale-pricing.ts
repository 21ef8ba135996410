import 'server-only';
import { computeTotals, type OrderTotals } from '@/lib/checkout/totals';
import { searchProducts } from '@/lib/catalog/search';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { readMemberCard } from './member-card';
import { memberNotFound } from './errors';
import { maxRedeemablePoints } from './programme';

// The till's prices: every line priced from the database (a price sent by the counter page is never read), the same
// totals rules as checkout (pickup, VAT included), and points taken off within the programme's cap.

export type SaleLineInput = { variantId: string; quantity: number };

export type PricedSaleLine = {
  variantId: string;
  productId: string;
  sku: string;
  name: string;
  unitPriceMinor: number;
  quantity: number;
  position: number;
};

export type PricedSale = { lines: PricedSaleLine[]; totals: OrderTotals };

export async function priceSale(lines: readonly SaleLineInput[], points: number = 0): Promise<PricedSale> {
  const quantities = new Map<string, number>();
  for (const l of lines) quantities.set(l.variantId, (quantities.get(l.variantId) ?? 0) + l.quantity);
  const variants = await db.variant.findMany({
    where: { id: { in: [...quantities.keys()] }, currency: env.SHOP_CURRENCY },
    select: { id: true, sku: true, priceMinor: true, productId: true, size: true, color: true, product: { select: { name: true } } },
  });
  if (variants.length !== quantities.size) throw new AppError(400, 'variant_not_found', 'An item is not sold here. Check the SKUs.');
  const priced = variants.map((v, position) => ({
    variantId: v.id,
    productId: v.productId,
    sku: v.sku,
    name: itemName(v.product.name, v.color, v.size),
    unitPriceMinor: v.priceMinor,
    quantity: quantities.get(v.id)!,
    position,
  }));
  const totals = computeTotals({
    lines: priced.map((l) => ({ variantId: l.variantId, unitPriceMinor: l.unitPriceMinor, quantity: l.quantity })),
    fulfilment: 'PICKUP',
    country: 'GB',
    currency: env.SHOP_CURRENCY,
    points,
  });
  return { lines: priced, totals };
}

const itemName = (product: string, color: string | null, size: string | null) =>
  [product, [color, size].filter(Boolean).join(' / ')].filter(Boolean).join(' – ');

export type SaleQuote = {
  lines: (Omit<PricedSaleLine, 'productId' | 'position'> & { lineTotalMinor: number; onShelf: number })[];
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  pointsRedeemed: number;
  pointsDiscountMinor: number;
  totalMinor: number;
  // With a member card: what they can spend and the most this sale may take (whole steps, half the goods).
  member: { balance: number; maxPoints: number } | null;
};

// What the counter shows while the sale is built: the server's prices and what this store has on its shelf.
export async function quoteInStoreSale(
  storeId: string,
  input: { lines: SaleLineInput[]; memberToken?: string | null; points?: number },
  now: Date = new Date(),
): Promise<SaleQuote> {
  const { lines, totals } = await priceSale(input.lines, input.points ?? 0);
  const [shelf, account] = await Promise.all([
    db.stock.findMany({
      where: { locationId: storeId, variantId: { in: lines.map((l) => l.variantId) } },
      select: { variantId: true, onHand: true, reserved: true },
    }),
    input.memberToken
      ? db.loyaltyAccount.findUnique({ where: { id: await readMemberCard(input.memberToken, now) }, select: { balance: true } })
      : null,
  ]);
  if (input.memberToken && !account) throw memberNotFound();
  const onShelf = new Map(shelf.map((s) => [s.variantId, Math.max(0, s.onHand - s.reserved)]));
  const goods = totals.subtotalMinor - totals.discountMinor;
  return {
    lines: lines.map((l) => ({
      variantId: l.variantId,
      sku: l.sku,
      name: l.name,
      unitPriceMinor: l.unitPriceMinor,
      quantity: l.quantity,
      lineTotalMinor: l.unitPriceMinor * l.quantity,
      onShelf: onShelf.get(l.variantId) ?? 0,
    })),
    currency: totals.currency,
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    pointsRedeemed: totals.pointsRedeemed,
    pointsDiscountMinor: totals.pointsDiscountMinor,
    totalMinor: totals.totalMinor,
    member: account ? { balance: account.balance, maxPoints: maxRedeemablePoints(goods, account.balance) } : null,
  };
}

export type SaleItem = { variantId: string; sku: string; name: string; priceMinor: number; currency: string; onShelf: number };

// Items to add at the till: an exact SKU (typed, or from a barcode scanner that types it) first, else the shop's
// search over products this store stocks, each product's variants with what is on this store's shelf.
export async function findSaleItems(storeId: string, q: string, limit: number = 30): Promise<SaleItem[]> {
  const query = q.trim();
  if (!query) return [];
  const select = {
    id: true,
    productId: true,
    sku: true,
    priceMinor: true,
    currency: true,
    size: true,
    color: true,
    product: { select: { name: true } },
    stock: { where: { locationId: storeId }, select: { onHand: true, reserved: true } },
  } as const;
  const bySku = await db.variant.findMany({
    where: { sku: { equals: query, mode: 'insensitive' }, currency: env.SHOP_CURRENCY },
    select,
  });
  let variants = bySku;
  if (!variants.length) {
    const found = await searchProducts(query, {
      sizes: [],
      colors: [],
      inStock: false,
      availableAt: storeId,
      sort: 'relevance',
      page: 1,
      pageSize: 8,
    });
    const order = found.items.map((p) => p.id);
    variants = await db.variant.findMany({
      where: { productId: { in: order }, currency: env.SHOP_CURRENCY },
      select,
      orderBy: [{ position: 'asc' }, { sku: 'asc' }],
    });
    // Search order, and within a product what this shelf has first (an associate sells what is in front of them).
    const inStock = (v: (typeof variants)[number]) => Number((v.stock[0]?.onHand ?? 0) - (v.stock[0]?.reserved ?? 0) > 0);
    variants.sort((a, b) => order.indexOf(a.productId) - order.indexOf(b.productId) || inStock(b) - inStock(a));
  }
  return variants.slice(0, limit).map((v) => ({
    variantId: v.id,
    sku: v.sku,
    name: itemName(v.product.name, v.color, v.size),
    priceMinor: v.priceMinor,
    currency: v.currency,
    onShelf: Math.max(0, (v.stock[0]?.onHand ?? 0) - (v.stock[0]?.reserved ?? 0)),
  }));
}
