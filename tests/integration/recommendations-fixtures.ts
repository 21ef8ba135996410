import type { Db } from '@/lib/db/client';

// A small shop with a purchase history whose answers are known: the jacket is bought with the beanie
// (five times) and the gloves (three), and with the tote (four) which is sold out everywhere; the cap
// has never been bought but shares "waxed canvas" with the jacket.
export const P = {
  jacket: 'rp_jacket',
  beanie: 'rp_beanie',
  gloves: 'rp_gloves',
  mug: 'rp_mug',
  tote: 'rp_tote',
  cap: 'rp_cap',
  scarf: 'rp_scarf',
};
const names: Record<keyof typeof P, [string, string]> = {
  jacket: ['Waxed canvas jacket', 'outerwear'],
  beanie: ['Wool beanie', 'accessories'],
  gloves: ['Merino gloves', 'accessories'],
  mug: ['Enamel camp mug', 'home'],
  tote: ['Canvas tote bag', 'accessories'],
  cap: ['Waxed canvas cap', 'accessories'],
  scarf: ['Lambswool scarf', 'accessories'],
};
export const variantOf = (productId: string) => `${productId}_v`;

let orderNo = 0;
export async function insertOrder(
  db: Db,
  userId: string | null,
  productIds: string[],
  daysAgo: number,
  status: 'COMPLETED' | 'PENDING' = 'COMPLETED',
) {
  const placedAt = new Date(Date.now() - daysAgo * 86_400_000);
  const id = `rord_${++orderNo}`;
  await db.order.create({
    data: {
      id,
      number: `RT-${orderNo}`,
      userId,
      email: 'buyer@example.com',
      status,
      channel: 'WEB_DESKTOP',
      fulfilment: 'DELIVERY',
      subtotalMinor: 1000,
      totalMinor: 1000,
      placedAt,
      paidAt: status === 'COMPLETED' ? placedAt : null,
      lines: {
        create: productIds.map((productId, position) => ({
          productId,
          variantId: variantOf(productId),
          name: productId,
          sku: `${productId}-sku`,
          unitPriceMinor: 1000,
          quantity: 1,
          position,
        })),
      },
    },
  });
  return id;
}

export async function insertRecommendationWorld(db: Db) {
  await db.category.createMany({
    data: ['outerwear', 'accessories', 'home'].map((slug) => ({ id: `rcat_${slug}`, slug, name: slug, description: slug })),
  });
  for (const [key, [name, category]] of Object.entries(names) as [keyof typeof P, [string, string]][]) {
    const id = P[key];
    await db.product.create({
      data: {
        id,
        slug: key,
        name,
        description: name,
        categoryId: `rcat_${category}`,
        tags: key === 'cap' || key === 'jacket' ? ['waxed'] : [],
      },
    });
    await db.variant.create({ data: { id: variantOf(id), productId: id, sku: `${id}-sku`, priceMinor: 1000 } });
  }
  const place = {
    country: 'GB',
    city: 'London',
    postcode: 'E1 1AA',
    addressLine1: '1 High St',
    latitude: 51.5,
    longitude: -0.1,
    openingHours: [],
  };
  await db.location.create({ data: { ...place, id: 'rloc_wh', code: 'RWH', slug: 'rwh', type: 'WAREHOUSE', name: 'Warehouse' } });
  await db.stock.createMany({
    data: Object.values(P).map((id) => ({ variantId: variantOf(id), locationId: 'rloc_wh', onHand: 10, reserved: id === P.tote ? 10 : 0 })),
  });
  const buyers = await Promise.all(
    ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => db.user.create({ data: { email: `buyer-${n}@example.com` } })),
  );
  const by = (n: number) => buyers[n % buyers.length]!.id;
  for (let i = 0; i < 3; i++) await insertOrder(db, by(i), [P.jacket, P.beanie, P.gloves], 20 - i);
  for (let i = 0; i < 2; i++) await insertOrder(db, by(i + 3), [P.jacket, P.beanie], 15 - i);
  for (let i = 0; i < 4; i++) await insertOrder(db, by(i), [P.jacket, P.tote], 10 - i);
  await insertOrder(db, null, [P.mug, P.scarf], 5);
  // Never counted: not paid.
  await insertOrder(db, by(1), [P.jacket, P.mug], 1, 'PENDING');
}
