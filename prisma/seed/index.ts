// Writes the Northwind Supply demo shop. Run only on an empty database (the CLI checks).
// Everything is built by pure functions first, then written with a handful of bulk inserts in one transaction.
import { hash } from '@node-rs/argon2';
import { insertRows } from '../../lib/db/bulk-insert';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { buildCatalog } from './catalog';
import { buildDiscountCodes } from './discount-codes';
import { buildLocations } from './locations';
import { buildOrderHistory } from './orders';
import { buildCustomers, buildDemoUsers, buildShopperViews, demoShopperAddress } from './people';
import { seedId } from './random';
import { buildLoyaltyHistory } from './loyalty';
import { buildStock } from './stock';

export interface SeedOptions {
  // Benchmark catalog: this many variants and stores, stock for every variant at every location.
  scale?: { variants: number; stores: number };
  // Demo sign-ins (shopper, associates, admin). Pass env.demoMode; default true.
  demoAccounts?: boolean;
  now?: Date;
  log?: (message: string) => void;
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// Scaled stock is generated inside PostgreSQL: 250k rows in one statement instead of 250k parameters.
// The rows reference variants and locations by construction, so where allowed (a superuser, as on the
// embedded database) the per-row foreign-key triggers are skipped for this one statement.
async function insertScaledStock(tx: Tx): Promise<void> {
  const [role] = await tx.$queryRaw<{ rolsuper: boolean }[]>`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`;
  if (role?.rolsuper) await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
  await tx.$executeRaw`
    INSERT INTO "Stock" ("variantId", "locationId", "onHand", "reserved", "updatedAt")
    SELECT v."id", l."id",
      CASE WHEN l."type" = 'WAREHOUSE' THEN 20 + abs(hashtext(v."id" || l."id")::bigint) % 80
           ELSE greatest(0, abs(hashtext(v."id" || l."id")::bigint) % 16 - 5) END,
      0, now()
    FROM "Variant" v CROSS JOIN "Location" l`;
  if (role?.rolsuper) await tx.$executeRaw`SET LOCAL session_replication_role = DEFAULT`;
}

export async function seed(db: PrismaClient, options: SeedOptions = {}): Promise<void> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const demoAccounts = options.demoAccounts ?? true;

  const catalog = buildCatalog({ now, targetVariants: options.scale?.variants });
  const locations = buildLocations({ stores: options.scale?.stores });
  const stock = options.scale ? [] : buildStock(catalog, locations);
  const customers = buildCustomers();
  const demoUsers = demoAccounts ? buildDemoUsers(locations, now) : [];
  const shopper = demoUsers.find((u) => u.email === 'shopper@example.com');
  const history = buildOrderHistory({ catalog, locations, customers, shopper, now });
  const views = shopper
    ? buildShopperViews(
        shopper.id,
        catalog.products.map((p) => p.id),
        now,
      )
    : [];
  const users = await Promise.all(
    [...demoUsers, ...customers].map(async (user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      externalRef: user.externalRef,
      phone: user.phone,
      emailConsent: user.emailConsent,
      smsConsent: user.smsConsent,
      preferredStoreId: user.preferredStoreId,
      emailVerified: user.emailVerified,
      passwordHash: user.password ? await hash(user.password) : null,
      createdAt: now,
      updatedAt: now,
    })),
  );

  await db.$transaction(
    async (tx) => {
      await insertRows(tx, 'Category', catalog.categories);
      await insertRows(tx, 'Product', catalog.products);
      await insertRows(tx, 'Variant', catalog.variants);
      await insertRows(tx, 'ProductImage', catalog.images);
      await insertRows(tx, 'Location', locations);
      if (options.scale) await insertScaledStock(tx);
      else
        await insertRows(
          tx,
          'Stock',
          stock.map((s) => ({ ...s, updatedAt: now })),
        );
      await insertRows(tx, 'User', users);
      await insertRows(
        tx,
        'StaffAssignment',
        demoUsers.flatMap((u) => u.staffLocationIds.map((locationId) => ({ userId: u.id, locationId }))),
      );
      if (shopper) {
        await insertRows(tx, 'Address', [{ id: seedId('adr', 1), userId: shopper.id, ...demoShopperAddress }]);
        await insertRows(tx, 'ProductView', views);
      }
      await insertRows(tx, 'Order', history.orders);
      await insertRows(tx, 'OrderLine', history.lines);
      await insertRows(tx, 'CoPurchase', history.coPurchases);
      await insertRows(tx, 'DiscountCode', buildDiscountCodes(now));
      if (shopper) {
        const loyalty = buildLoyaltyHistory({
          userId: shopper.id,
          orders: history.orders.filter((o) => o.userId === shopper.id),
          storeId: locations.find((l) => l.name === 'Covent Garden')?.id ?? null,
          staffUserId: demoUsers.find((u) => u.role === 'STAFF')?.id ?? null,
          now,
        });
        await insertRows(tx, 'LoyaltyAccount', [loyalty.account]);
        await insertRows(tx, 'LoyaltyEntry', loyalty.entries);
      }
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  // Fresh statistics so the first queries after a bulk load get sensible plans.
  await db.$executeRawUnsafe('ANALYZE');

  const stockRows = options.scale ? catalog.variants.length * locations.length : stock.length;
  log(
    `Seeded ${catalog.products.length} products, ${catalog.variants.length} variants, ${catalog.images.length} images, ` +
      `${locations.length} locations, ${stockRows} stock rows, ${users.length} users, ${history.orders.length} orders, ` +
      `${history.coPurchases.length} co-purchase pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
